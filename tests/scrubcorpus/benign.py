"""Technical text that must come through unchanged: code, logs, diffs, lockfiles, CSS, git output.

Each generator returns one document with fresh random hashes, ids, versions and times, and each
is full of things a careless scrubber eats: SHAs, UUIDs, integrity hashes, ``std::``, ``::before``,
versions, timestamps, loopback and documentation addresses, private networks (not private hosts, whose
addresses map a network and go), example.com mail, references to secrets (``os.environ["API_KEY"]``),
type hints, placeholders and ordinary base64.
"""

from __future__ import annotations

import base64
import random
import uuid
from collections.abc import Callable

from tests.scrubcorpus.fakes import ALNUM, HEX, chars


def _sha(rng: random.Random, n: int = 40) -> str:
    return chars(rng, HEX, n)


def _uuid(rng: random.Random) -> str:
    return str(uuid.UUID(int=rng.getrandbits(128), version=4))


def _version(rng: random.Random) -> str:
    return f"{rng.randrange(0, 30)}.{rng.randrange(0, 40)}.{rng.randrange(0, 20)}"


def _time(rng: random.Random) -> str:
    day = f"2024-{rng.randrange(1, 13):02d}-{rng.randrange(1, 29):02d}"
    return f"{day}T{rng.randrange(24):02d}:{rng.randrange(60):02d}:{rng.randrange(60):02d}.{rng.randrange(1000):03d}Z"


def _b64(rng: random.Random, n: int) -> str:
    return base64.b64encode(rng.randbytes(n)).decode()


def python_code(rng: random.Random) -> str:
    n = rng.randrange(2, 9)
    return f"""import os
from dataclasses import dataclass


@dataclass(frozen=True)
class Settings:
    api_key: str
    password: str | None = None
    token_count: int = {rng.randrange(100, 9000)}
    max_tokens: int = 4096


def load() -> Settings:
    api_key = os.environ["API_KEY"]
    password = os.getenv("DB_PASSWORD")
    token = get_token(scope="repo")
    secret = settings.SECRET_KEY
    return Settings(api_key=api_key, password=password)


def score(x, w):
    h = x@w.T  # matrix product
    for key, value in sorted(counts.items(), key=lambda kv: kv[1])[:{n}]:
        print(f"{{key}}: {{value:.2f}}")
    assert tokenizer.decode(ids) == "hello world", "token: mismatch"
    return h
"""


def javascript_code(rng: random.Random) -> str:
    return f"""import {{ createClient }} from '@supabase/supabase-js@{_version(rng)}';
import type {{ Options }} from './types';

const apiKey = process.env.OPENAI_API_KEY;
const client = createClient(url, apiKey, {{ auth: {{ persistSession: false }} }});
export async function login(user: string, password: string): Promise<Token> {{
  const token = await client.auth.signIn({{ email: user, password }});
  if (!token) throw new Error(`login failed for ${{user}}`);
  return token;
}}
// request id {_uuid(rng)}
const palette = {{ primary: '#1e90ff', accent: '#{chars(rng, HEX, 6)}' }};
"""


def cpp_and_rust(rng: random.Random) -> str:
    return f"""#include <vector>
std::vector<int> xs{{1, 2, 3}};
auto it = std::find(xs.begin(), xs.end(), {rng.randrange(100)});
namespace a::b {{ struct Dead {{}}; }}
a::b::Dead d;
std::chrono::duration<double> elapsed = end - start;

fn main() -> std::io::Result<()> {{
    let v: Vec<u8> = Vec::with_capacity({rng.randrange(1, 4096)});
    let m = HashMap::<String, u32>::new();
    println!("{{:?}} {{}}", v, m.len());
    Ok(())
}}
"""


def css(rng: random.Random) -> str:
    return f""":root {{ --brand: #{chars(rng, HEX, 6)}; --radius: {rng.randrange(2, 12)}px; }}
a::before {{ content: "→"; color: #ff00aa; }}
li::marker, p::first-line {{ font-weight: 600; }}
@media (max-width: 768px) {{ .nav::after {{ display: none; }} }}
.btn:hover:not(:disabled) {{ background: rgba(0, 0, 0, 0.{rng.randrange(1, 9)}); }}
"""


def git_log(rng: random.Random) -> str:
    return f"""commit {_sha(rng)}
Merge: {_sha(rng, 7)} {_sha(rng, 7)}
Author: Jane Doe <jane.doe@example.com>
Date:   Tue May 14 09:{rng.randrange(10, 60)}:44 2024 +0200

    fix(api): retry on 503 (#{rng.randrange(100, 9999)})

{_sha(rng, 7)} chore: bump ruff to {_version(rng)}
{_sha(rng, 9)} feat: add uuid {_uuid(rng)}
$ git remote -v
origin  git@github.com:acme/platform.git (fetch)
origin  https://github.com/acme/platform.git (push)
"""


def git_diff(rng: random.Random) -> str:
    return f"""diff --git a/src/app/home/views.py b/src/app/home/views.py
index {_sha(rng, 7)}..{_sha(rng, 7)} 100644
--- a/src/app/home/views.py
+++ b/src/app/home/views.py
@@ -{rng.randrange(1, 300)},7 +{rng.randrange(1, 300)},8 @@ def index(request):
-    timeout = 30
+    timeout = {rng.randrange(31, 120)}
+    password_field = forms.CharField(widget=forms.PasswordInput)
     return render(request, "home/index.html", {{"version": "{_version(rng)}"}})
"""


def lockfiles(rng: random.Random) -> str:
    pkg = rng.choice(["lodash", "react", "esbuild", "zod", "undici"])
    version = _version(rng)
    return f'''    "node_modules/{pkg}": {{
      "version": "{version}",
      "resolved": "https://registry.npmjs.org/{pkg}/-/{pkg}-{version}.tgz",
      "integrity": "sha512-{_b64(rng, 64)}",
      "license": "MIT"
    }},
[[package]]
name = "{pkg}"
version = "{version}"
files = [
    {{file = "{pkg}-{version}-py3-none-any.whl", hash = "sha256:{_sha(rng, 64)}"}},
]
checksum = "{_sha(rng, 64)}"
golang.org/x/net v0.{rng.randrange(30)}.0 h1:{_b64(rng, 32)}
'''


def server_log(rng: random.Random) -> str:
    lines = []
    for _ in range(rng.randrange(4, 9)):
        lines.append(
            f"{_time(rng)} INFO  [worker-{rng.randrange(8)}] request_id={_uuid(rng)} "
            f"method=GET path=/api/v1/items/{rng.randrange(10**6)} status=200 "
            f"duration_ms={rng.random() * 900:.1f} "
            f"peer=198.51.100.{rng.randrange(1, 255)}"
        )
    lines.append(
        f"{_time(rng)} WARN  upstream 192.0.2.{rng.randrange(2, 250)}:8080 slow; retrying via 127.0.0.1:9000"
    )
    lines.append(
        f"{_time(rng)} INFO  listening on [::1]:8443 and 0.0.0.0:8080 (docs: 203.0.113.7, 2001:db8::42)"
    )
    lines.append(
        f"{_time(rng)} DEBUG token refresh scheduled in {rng.randrange(60, 3600)}s (max_tokens=8192)"
    )
    return "\n".join(lines) + "\n"


def test_output(rng: random.Random) -> str:
    passed, secs = rng.randrange(10, 400), rng.random() * 30
    return f"""============================= test session starts ==============================
platform linux -- Python 3.11.{rng.randrange(10)}, pytest-{_version(rng)}, pluggy-1.5.0
rootdir: /work/repo
plugins: hypothesis-6.{rng.randrange(100, 170)}.2, trio-0.8.0
collected {passed} items

tests/test_auth.py::test_password_is_hashed PASSED                        [ 12%]
tests/test_auth.py::test_token_expiry[3600] PASSED                        [ 25%]
tests/test_api.py::test_rejects_bad_api_key FAILED                        [ 37%]
E       AssertionError: assert 401 == 200
E        +  where 401 = <Response [401]>.status_code
======================= 1 failed, {passed - 1} passed in {secs:.2f}s ========================
"""


def docker_k8s(rng: random.Random) -> str:
    return f"""CONTAINER ID   IMAGE                         PORTS                    NAMES
{_sha(rng, 12)}   postgres:16.{rng.randrange(4)}                 0.0.0.0:5432->5432/tcp   db
{_sha(rng, 12)}   nginx@sha256:{_sha(rng, 64)}   0.0.0.0:8080->80/tcp     web
$ docker run -p 8080:80 -v $PWD:/app --env-file .env ghcr.io/acme/api:v{_version(rng)}
$ kubectl get pods -n prod
NAME                           READY   STATUS    RESTARTS   AGE
api-7d{chars(rng, HEX, 8)}-{chars(rng, ALNUM, 5).lower()}   1/1     Running   0          {rng.randrange(2, 59)}m
service/api   ClusterIP   192.0.2.{rng.randrange(1, 255)}   <none>   443/TCP
"""


def config_placeholders(rng: random.Random) -> str:
    return f"""# .env.example
OPENAI_API_KEY=<your-api-key>
DATABASE_URL=postgres://localhost:5432/app
GITHUB_TOKEN=${{GITHUB_TOKEN}}
SECRET_KEY=changeme
export API_KEY=$API_KEY
AWS_SECRET_ACCESS_KEY=xxxxxxxxxxxxxxxxxxxx
REDIS_PASSWORD=
password: "********"
token: {{{{ secrets.DEPLOY_TOKEN }}}}
api_key: ${{API_KEY}}
TOKEN_TTL={rng.randrange(60, 86400)}
PWD=/work/repo
"""


def shell_session(rng: random.Random) -> str:
    return f"""$ python --version
Python 3.11.{rng.randrange(10)}
$ node -v
v20.{rng.randrange(30)}.{rng.randrange(10)}
$ pip install "requests=={_version(rng)}" 'pydantic>=2.{rng.randrange(10)}'
Successfully installed requests-{_version(rng)} urllib3-2.2.1
$ npm install @types/node@20.{rng.randrange(20)}.0 --save-dev
added {rng.randrange(1, 300)} packages in {rng.randrange(1, 20)}s
$ ping -c 1 8.8.8.8
64 bytes from 8.8.8.8: icmp_seq=1 ttl=117 time={rng.random() * 30:.2f} ms
$ ls -la src/
drwxr-xr-x  5 runner docker 4096 May 14 09:12 .
-rw-r--r--  1 runner docker  {rng.randrange(100, 9999)} May 14 09:12 main.py
$ cat C:\\Program Files\\Python311\\Lib\\site.py | head -1
"""


def prose_and_data(rng: random.Random) -> str:
    return f"""## Authentication

Set the password in the config file, then create an API key from the dashboard.
The token: a short-lived credential, refreshed every {rng.randrange(5, 60)} minutes.
Contact the owners at dev@example.com or ops@acme.test; reports go to noreply@github.com.
Build {rng.randrange(1000, 99999)} took {rng.random() * 100:.1f}s; ETA {rng.randrange(1, 60)} min; ratio 3:4:5.
Version 4.0.0.1 of the SDK and pkg==1.2.3.4 are pinned; see RFC 5737 (198.51.100.23).
Netmask 255.255.255.0, bridge network 172.17.0.0/16, link-local 169.254.169.254, multicast 224.0.0.251.
Timestamp 1700000000{rng.randrange(100, 999)} (ms), id 0x{chars(rng, HEX, 8)}, sum {rng.randrange(10**6)}.
"content": "{_b64(rng, 30)}", "sha": "{_sha(rng)}", "etag": "W/\\"{_sha(rng, 16)}\\""
<img src="data:image/png;base64,iVBORw0KGgo{_b64(rng, 24)}">
"""


def kubernetes(rng: random.Random) -> str:
    return f"""apiVersion: apps/v1
kind: Deployment
metadata:
  name: api
  labels: {{app: api, version: "{_version(rng)}"}}
spec:
  replicas: {rng.randrange(1, 9)}
  template:
    spec:
      containers:
        - name: api
          image: ghcr.io/acme/api@sha256:{_sha(rng, 64)}
          env:
            - name: PORT
              value: "{rng.randrange(1024, 65535)}"
            - name: DB_PASSWORD
              valueFrom:
                secretKeyRef: {{name: db-credentials, key: password}}
            - name: LOG_LEVEL
              value: debug
          resources: {{limits: {{cpu: "{rng.randrange(1, 4)}", memory: 512Mi}}}}
# The password is stored in the db-credentials secret; the token is rotated nightly.
# If the key is missing, the pod fails: the secret is required.
"""


def json_transcript(rng: random.Random) -> str:
    return (
        f'{{"type":"assistant","uuid":"{_uuid(rng)}","timestamp":"{_time(rng)}",'
        f'"message":{{"model":"m-{rng.randrange(1, 5)}","usage":{{"input_tokens":{rng.randrange(10**5)},'
        f'"output_tokens":{rng.randrange(5000)},"cache_read_input_tokens":{rng.randrange(10**5)}}},'
        f'"content":[{{"type":"tool_use","name":"Bash","input":{{"command":"git log -1 --format=%H",'
        f'"description":"Show the last commit"}}}}]}},"cwd":"/work/repo","gitBranch":"main"}}\n'
    )


GENERATORS: tuple[Callable[[random.Random], str], ...] = (
    python_code,
    javascript_code,
    cpp_and_rust,
    css,
    git_log,
    git_diff,
    lockfiles,
    server_log,
    test_output,
    docker_k8s,
    config_placeholders,
    shell_session,
    prose_and_data,
    kubernetes,
    json_transcript,
)


def build_documents(rng: random.Random, count: int) -> list[str]:
    """Return ``count`` documents, cycling through every generator."""
    return [GENERATORS[index % len(GENERATORS)](rng) for index in range(count)]
