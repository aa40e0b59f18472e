"""Creates COUNT more user pools on the emulator (`launch-pool-NN`), so that the console's first
page of user pools is a full one; prints nothing."""
import sys

import boto3


def main() -> None:
    url, count = sys.argv[1], int(sys.argv[2])
    client = boto3.client("cognito-idp", region_name="us-east-1", endpoint_url=url,
                          aws_access_key_id="AKIABENCH", aws_secret_access_key="bench")
    for i in range(count):
        client.create_user_pool(PoolName=f"launch-pool-{i:02d}")


if __name__ == "__main__":
    main()
