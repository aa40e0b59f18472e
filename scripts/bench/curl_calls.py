"""The raw floor: one curl process making N POSTs over one kept-alive connection (URL globbing).
Prints `calls seconds cpu_seconds` (curl's own CPU time, from the child's resource usage)."""
import resource
import subprocess
import sys
import time


def main() -> None:
    url, calls = sys.argv[1], int(sys.argv[2])
    command = [
        "curl", "-s", "-X", "POST",
        "-H", "Content-Type: application/x-amz-json-1.1",
        "-H", "X-Amz-Target: AWSCognitoIdentityProviderService.ListUserPools",
        "-d", '{"MaxResults":10}', f"{url}/?n=[1-{calls}]",
    ]
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    t0 = time.perf_counter()
    subprocess.run(command, stdout=subprocess.DEVNULL, check=True)
    elapsed = time.perf_counter() - t0
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
    print(calls, elapsed, cpu)


if __name__ == "__main__":
    main()
