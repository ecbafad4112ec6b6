#!/usr/bin/env python3
"""Runs a command on a pseudo-terminal, so Ctrl+C reaches it the way it does from a person's terminal.

Usage: pty_run.py [--timeout SECONDS] -- COMMAND [ARGS...]

A test cannot send Ctrl+C with kill(2) and be sure it arrives: a program started as a background job of a
non-interactive shell inherits SIGINT as ignored. Here the command runs as the session leader of a new terminal with
SIGINT and SIGTERM reset to their defaults, and Ctrl+C is the byte 0x03 written to the terminal, which the terminal
driver turns into SIGINT for the foreground process group (the command and any ffmpeg it started).

Protocol:
  stdout  first line "pty_run: pid N" (the command's process id), then everything the command writes to the
          terminal (stdout and stderr together), then a last line "pty_run: exit CODE" (128 + signal number when the
          command was ended by a signal; 124 when --timeout ran out and the command was killed).
  stdin   each line "ctrl-c" writes 0x03 to the terminal. End of input changes nothing.
The helper exits with the command's exit code.
"""
import os
import pty
import select
import signal
import struct
import sys
import termios
import time
import fcntl


def main() -> int:
    args = sys.argv[1:]
    timeout = 120.0
    if len(args) >= 2 and args[0] == "--timeout":
        timeout = float(args[1])
        args = args[2:]
    if args and args[0] == "--":
        args = args[1:]
    if not args:
        print(__doc__, file=sys.stderr)
        return 2

    pid, master = pty.fork()
    if pid == 0:
        # The child: undo an inherited "ignore" so the terminal's SIGINT and a SIGTERM act as they would for a
        # program started from an interactive shell, then become the command.
        signal.signal(signal.SIGINT, signal.SIG_DFL)
        signal.signal(signal.SIGTERM, signal.SIG_DFL)
        os.environ.setdefault("TERM", "dumb")
        try:
            os.execvp(args[0], args)
        finally:
            os._exit(127)

    # A fixed window size, so programs that lay out a progress line get a sane width.
    fcntl.ioctl(master, termios.TIOCSWINSZ, struct.pack("HHHH", 50, 200, 0, 0))
    out = sys.stdout.buffer
    out.write(f"pty_run: pid {pid}\n".encode())
    out.flush()

    deadline = time.monotonic() + timeout
    stdin_open = True
    master_open = True
    stdin_buffer = b""
    status = None
    while status is None:
        if time.monotonic() > deadline:
            os.kill(pid, signal.SIGKILL)
            os.waitpid(pid, 0)
            drain(master, out)
            out.write(b"\npty_run: exit 124\n")
            out.flush()
            return 124
        readers = ([master] if master_open else []) + ([sys.stdin.fileno()] if stdin_open else [])
        ready, _, _ = select.select(readers, [], [], 0.1)
        if master in ready and not copy_once(master, out):
            # The terminal closed: every process holding it has gone; the command is collected below.
            master_open = False
        if stdin_open and sys.stdin.fileno() in ready:
            chunk = os.read(sys.stdin.fileno(), 1024)
            if not chunk:
                stdin_open = False
            stdin_buffer += chunk
            while b"\n" in stdin_buffer:
                line, stdin_buffer = stdin_buffer.split(b"\n", 1)
                if line.strip() == b"ctrl-c":
                    os.write(master, b"\x03")
        done, raw = os.waitpid(pid, os.WNOHANG)
        if done == pid:
            status = raw
    if master_open:
        drain(master, out)
    code = os.waitstatus_to_exitcode(status)
    code = 128 - code if code < 0 else code
    out.write(f"\npty_run: exit {code}\n".encode())
    out.flush()
    return code


def copy_once(master: int, out) -> bool:
    try:
        data = os.read(master, 65536)
    except OSError:  # EIO: the other side of the terminal is closed
        return False
    if not data:
        return False
    out.write(data.replace(b"\r\n", b"\n").replace(b"\r", b"\n"))
    out.flush()
    return True


def drain(master: int, out) -> None:
    while select.select([master], [], [], 0.05)[0] and copy_once(master, out):
        pass


if __name__ == "__main__":
    sys.exit(main())
