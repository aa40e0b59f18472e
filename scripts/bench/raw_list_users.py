"""The emulator's own floor for "load all": the same ListUsers pages (60 a page) as bare HTTP
requests on one kept-alive connection, unsigned (moto routes on the credential scope and does
not check signatures); prints `users seconds cpu_seconds`."""
import http.client
import json
import sys
import time
import urllib.parse


def main() -> None:
    url, pool = urllib.parse.urlsplit(sys.argv[1]), sys.argv[2]
    headers = {
        "Content-Type": "application/x-amz-json-1.1",
        "X-Amz-Target": "AWSCognitoIdentityProviderService.ListUsers",
        "Authorization": "AWS4-HMAC-SHA256 Credential=AKIABENCH/20240101/us-east-1/cognito-idp/aws4_request, "
                         "SignedHeaders=host, Signature=0",
    }
    conn = http.client.HTTPConnection(url.hostname, url.port)
    t0, c0 = time.perf_counter(), time.process_time()
    users, token = 0, None
    while True:
        body = {"UserPoolId": pool, "Limit": 60}
        if token:
            body["PaginationToken"] = token
        conn.request("POST", "/", body=json.dumps(body), headers=headers)
        response = conn.getresponse()
        reply = json.loads(response.read())
        if response.status != 200:
            raise SystemExit(f"ListUsers answered {response.status}: {reply}")
        users += len(reply.get("Users", []))
        token = reply.get("PaginationToken")
        if not token:
            break
    print(users, time.perf_counter() - t0, time.process_time() - c0)


if __name__ == "__main__":
    main()
