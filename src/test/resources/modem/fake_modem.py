#!/usr/bin/env python3
"""A scripted GSM modem on a pseudo-terminal, for the modem source's tests.

Usage: fake_modem.py LINK SCRIPT TRANSCRIPT

Opens a pseudo-terminal pair, points the symbolic link LINK at its terminal side (the path the
source opens, as it would open /dev/ttyUSB0) and plays SCRIPT, a JSON document
{"sessions": [[step, ...], ...]}, on the other side. Steps:
  {"expect": "AT+CMGR=3", "reply": ["+CMGR: 0,,24", "0791...", "OK"], "echo": false}
      waits for that command (a line ended by CR) and answers with each reply line framed by CRLF,
      echoing the command first when "echo" is true; another command is answered ERROR and noted
  {"send": ["+CMTI: \"SM\",3"]}   unsolicited lines
  {"raw": "..."}                   bytes as they are (half a response, say)
  {"hangup": 0.5}                  closes the terminal (the port drops), stays away that many
                                   seconds, then the next session starts on a fresh terminal
After the last step it writes DONE to TRANSCRIPT and answers OK to anything more until killed,
noting each such command as EXTRA (FakeModem.awaitDone fails on them unless the test allows them).
TRANSCRIPT gets one line per event: SESSION, RX, UNEXPECTED, HANGUP, DONE, EXTRA, TIMEOUT.
"""
import json
import os
import pty
import select
import sys
import time
import tty

EXPECT_TIMEOUT = 30.0


class Terminal:
    def __init__(self, link, number, log):
        self.master, self.slave = pty.openpty()
        tty.setraw(self.slave)
        temporary = link + ".new"
        if os.path.lexists(temporary):
            os.remove(temporary)
        os.symlink(os.ttyname(self.slave), temporary)
        os.replace(temporary, link)
        self.log = log
        self.pending = b""
        log(f"SESSION {number} {os.ttyname(self.slave)}")

    def command(self, timeout):
        deadline = time.monotonic() + timeout
        while b"\r" not in self.pending:
            left = deadline - time.monotonic()
            if left <= 0:
                return None
            ready, _, _ = select.select([self.master], [], [], left)
            if ready:
                try:
                    data = os.read(self.master, 4096)
                except OSError:
                    data = b""
                if not data:
                    time.sleep(0.01)
                self.pending += data
        line, self.pending = self.pending.split(b"\r", 1)
        return line.strip(b"\n").decode("latin-1")

    def write(self, text):
        os.write(self.master, text.encode("latin-1"))

    def lines(self, lines):
        self.write("".join(f"\r\n{line}\r\n" for line in lines))

    def close(self):
        os.close(self.master)
        os.close(self.slave)


def main():
    link, script_path, transcript_path = sys.argv[1:4]
    with open(script_path, encoding="utf-8") as script_file:
        sessions = json.load(script_file)["sessions"]
    transcript = open(transcript_path, "w", buffering=1, encoding="utf-8")

    def log(event):
        transcript.write(event + "\n")

    terminal = None
    for number, steps in enumerate(sessions):
        terminal = Terminal(link, number, log)
        if number == 0:
            print("READY", flush=True)
        for step in steps:
            if "expect" in step:
                while True:
                    command = terminal.command(EXPECT_TIMEOUT)
                    if command is None:
                        log(f"TIMEOUT waiting for {step['expect']}")
                        sys.exit(2)
                    if command == step["expect"]:
                        log(f"RX {command}")
                        if step.get("echo"):
                            terminal.write(command + "\r")
                        terminal.lines(step.get("reply", ["OK"]))
                        break
                    log(f"UNEXPECTED {command} (wanted {step['expect']})")
                    terminal.lines(["ERROR"])
            elif "send" in step:
                terminal.lines(step["send"])
            elif "raw" in step:
                terminal.write(step["raw"])
            elif "hangup" in step:
                log("HANGUP")
                terminal.close()
                os.remove(link)
                time.sleep(step["hangup"])
                terminal = None
                break
    log("DONE")
    while terminal is not None:
        command = terminal.command(3600)
        if command is not None:
            log(f"EXTRA {command}")
            terminal.lines(["OK"])


if __name__ == "__main__":
    main()
