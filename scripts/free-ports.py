#!/usr/bin/env python3
"""Prints a TCP port P of 127.0.0.1 such that P .. P+N-1 are all free now (N: the argument, default 1):
a primary and its replicas on consecutive ports, as `crmbench db start --replicas` puts them."""
import socket
import sys

count = int(sys.argv[1]) if len(sys.argv) > 1 else 1
while True:
    s = socket.socket()
    s.bind(("127.0.0.1", 0))
    port = s.getsockname()[1]
    s.close()
    try:
        for p in range(port + 1, port + count):
            t = socket.socket()
            t.bind(("127.0.0.1", p))
            t.close()
    except OSError:
        continue
    print(port)
    break
