import sys

try:
    from .cli import entry
except KeyboardInterrupt:  # Ctrl-C while starting up
    sys.exit(130)

entry()
