"""Times `aws cognito-idp list-users` (AWS CLI v1, full pagination, 60 users a page, output to
/dev/null) for one pool; prints `seconds cpu_seconds` (CPU of the aws process)."""
import os
import resource
import subprocess
import sys
import time


def main() -> None:
    url, pool = sys.argv[1], sys.argv[2]
    env = dict(os.environ, AWS_ACCESS_KEY_ID="AKIABENCH", AWS_SECRET_ACCESS_KEY="bench",
               AWS_EC2_METADATA_DISABLED="true", AWS_CONFIG_FILE="/dev/null",
               AWS_SHARED_CREDENTIALS_FILE="/dev/null")
    command = [sys.executable, "-m", "awscli", "cognito-idp", "list-users", "--user-pool-id", pool, "--endpoint-url", url,
               "--region", "us-east-1", "--page-size", "60", "--output", "json"]
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    t0 = time.perf_counter()
    subprocess.run(command, env=env, stdout=subprocess.DEVNULL, check=True)
    elapsed = time.perf_counter() - t0
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
    print(elapsed, cpu)


if __name__ == "__main__":
    main()
