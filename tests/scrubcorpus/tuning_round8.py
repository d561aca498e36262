"""The eighth round's tuning part: secrets in what agents' own tools, registries, runners and stores print.

AI coding tools' configs and logs (MCP ``mcpServers`` blocks with ``env`` tokens in Claude, Cursor, Continue
and VS Code configs, ``huggingface-cli`` and ``wandb`` logins, Ollama and LiteLLM settings), LLM SDKs' debug
traces (request headers such as ``x-api-key``, ``api-key``, ``anthropic-api-key`` and ``authorization`` beside
``openai-organization``, LangChain and LlamaIndex verbose logs), registry clients' auth (``.yarnrc.yml``
``npmAuthToken``, pnpm, ``poetry config http-basic``, ``.condarc``, ``dart pub token add``, ``helm repo add``,
Artifactory and Nexus keys in curl, Go's ``GOPRIVATE`` with ``.netrc``, CocoaPods), editors' and forges'
files (VS Code ``settings.json``, JetBrains ``http-client.private.env.json``, REST Client ``.http`` files,
``.git-credentials``, Bitbucket app passwords, Postman environment exports), CI runners' registration tokens
(GitLab Runner ``config.toml`` and ``register``, GitHub Actions' ``config.sh``, Buildkite, Drone, Jenkins
inbound agents, Woodpecker), infrastructure outputs (``terraform output -json``, ``pulumi stack output
--show-secrets``, Ansible vault password files, Crossplane connection secrets), secret stores'
bootstrap output (``vault token create``, ``vault operator init``, ``consul acl bootstrap``, ``nomad acl
bootstrap``, where the accessor is a UUID that stays and the secret id is a UUID that goes), cluster and cloud
identities (``kubectl config view --raw``, ``az ad sp create-for-rbac``, ``aws configure export-credentials``,
``gcloud auth print-access-token``), observability pipelines (Prometheus ``remote_write`` basic auth, Loki and
Tempo clients, Grafana Cloud, OpenTelemetry collector exporters, Vector, Fluent Bit, Honeycomb), databases'
admin output (``elasticsearch-reset-password``, MongoDB Atlas strings, ``rediss://`` URLs, ``ALTER ROLE`` in
logs, ``mysql_config_editor``, Snowflake and ClickHouse clients), mobile signing (Gradle ``signingConfigs``,
``key.properties``, fastlane ``match``, ``keytool``). Personal data: US SSNs in identity-verification logs.

Policy for the SSNs: a nine-digit number in the SSN shape in a KYC or onboarding context is labelled; masked
forms (``***-**-1234``), last-four fields, EINs in their own field and case or ticket numbers must survive.
Beside the secrets, in the same syntaxes, look-alikes: names without values, references to variables and
secret stores, placeholders, masked values, digests, UUIDs, public keys and versions. Written from the
formats' public descriptions and what these tools print, not from the rules. Rules may be adjusted against
it: it is a tuning part.

Templates use `tuning_more`'s markers (``@S@`` for the labelled secret, ``⟪...⟫`` for spans that must survive)
and `tuning_round4`'s fillers and wrappers. Text outside both markers (a user name in a URL, an accessor, a
person's name) is neither: a reviewer would not insist on it either way.
"""

from __future__ import annotations

import base64
import random

from tests.scrubcorpus import fakes
from tests.scrubcorpus.fakes import ALNUM, DIGITS, HEX, URLSAFE, chars, mixed
from tests.scrubcorpus.tuning_more import Class, Figures, Labelled, score, ssn
from tests.scrubcorpus.tuning_round4 import build_part
from tests.scrubcorpus.tuning_round5 import random_token
from tests.scrubcorpus.tuning_round6 import plain_password, service_key

SEED = 20261208

# Secrets ------------------------------------------------------------------------------------------


def ai_key(rng: random.Random) -> str:
    """A key an AI tool is configured with: an AI vendor's, a model hub's, a forge's or a generated one."""
    shape = rng.randrange(6)
    if shape == 0:
        return fakes.openai_key(rng)
    if shape == 1:
        return fakes.anthropic_key(rng)
    if shape == 2:
        return fakes.huggingface_token(rng)
    if shape == 3:
        return fakes.github_token(rng)
    if shape == 4:
        return chars(rng, HEX, 40)
    return mixed(rng, URLSAFE, rng.randrange(32, 64))


def registry_token(rng: random.Random) -> str:
    """A package registry's token: npm's prefixed one, an Artifactory-style key or a generated one."""
    shape = rng.randrange(4)
    if shape == 0:
        return fakes.npm_token(rng)
    if shape == 1:
        return "AKC" + "p" + mixed(rng, ALNUM, 69)
    return random_token(rng)


def runner_token(rng: random.Random) -> str:
    """A CI runner's registration or authentication token, prefixed as GitLab issues them or generated."""
    shape = rng.randrange(4)
    if shape == 0:
        return "gl" + "rt-" + mixed(rng, URLSAFE, 20)
    if shape == 1:
        return "GR" + "1348941" + mixed(rng, URLSAFE, 20)
    if shape == 2:
        return chars(rng, HEX, 64)
    return mixed(rng, ALNUM, 29)


def _uuid(rng: random.Random) -> str:
    h = chars(rng, HEX, 32)
    return f"{h[:8]}-{h[8:12]}-{h[12:16]}-{h[16:20]}-{h[20:]}"


def store_token(rng: random.Random) -> str:
    """A secret store's token: Vault's service and batch tokens, an unseal key, or an ACL secret id (a UUID)."""
    shape = rng.randrange(4)
    if shape == 0:
        return "hv" + "s." + mixed(rng, URLSAFE, 90)
    if shape == 1:
        return "hv" + "b." + mixed(rng, URLSAFE, 120)
    if shape == 2:
        return base64.b64encode(rng.randbytes(32)).decode()
    return _uuid(rng)


def cloud_secret(rng: random.Random) -> str:
    """A cloud or cluster identity's secret: an AWS secret key, a service principal's password, a bearer."""
    shape = rng.randrange(4)
    if shape == 0:
        return fakes.aws_secret_key(rng)
    if shape == 1:
        return mixed(rng, ALNUM, 3) + "8Q~" + mixed(rng, ALNUM + "_.-", 34)
    if shape == 2:
        return fakes.jwt(rng)
    return "ya" + "29." + mixed(rng, URLSAFE, rng.randrange(120, 180))


def observability_key(rng: random.Random) -> str:
    """A monitoring backend's key: hex or generated (service keys), or a Grafana Cloud token."""
    if rng.random() < 0.25:
        return "gl" + "c_" + base64.b64encode(rng.randbytes(60)).decode().rstrip("=")
    return service_key(rng)


def editor_secret(rng: random.Random) -> str:
    """A secret in an editor's or forge's file: a forge token, a typed password or a generated token."""
    shape = rng.randrange(3)
    if shape == 0:
        return fakes.github_token(rng)
    if shape == 1:
        return plain_password(rng)
    return random_token(rng)


# Documents ----------------------------------------------------------------------------------------

AGENT_CONFIG = (
    '⟪{⟫\n  ⟪"mcpServers": {⟫\n    ⟪"github": {⟫\n      ⟪"command": "npx",⟫\n'
    '      ⟪"args": ["-y", "@modelcontextprotocol/server-github"],⟫\n      ⟪"env": {⟫\n'
    '        ⟪"GITHUB_PERSONAL_ACCESS_TOKEN": "⟫@S@⟪"⟫\n      ⟪}⟫\n',
    "⟪$ claude mcp add linear --env LINEAR_API_KEY=⟫@S@⟪ -- npx -y linear-mcp-server⟫\n"
    "⟪Added stdio MCP server linear with command: npx -y linear-mcp-server to local config⟫\n",
    '⟪# .cursor/mcp.json⟫\n⟪{ "mcpServers": { "search": { "url": "https://mcp.acme-corp.io/sse", '
    '"headers": { "Authorization": "Bearer ⟫@S@⟪" } } } }⟫\n',
    "⟪models:⟫\n  ⟪- name: Claude⟫\n    ⟪provider: anthropic⟫\n    ⟪model: claude-sonnet-4⟫\n"
    "    ⟪apiKey: ⟫@S@\n    ⟪roles: [chat, edit]⟫\n",
    '⟪{⟫\n  ⟪"permissions": { "allow": ["Bash(npm run test:*)"] },⟫\n  ⟪"env": {⟫\n'
    '    ⟪"ANTHROPIC_AUTH_TOKEN": "⟫@S@⟪",⟫\n    ⟪"DISABLE_TELEMETRY": "1"⟫\n  ⟪}⟫\n⟪}⟫\n',
    "⟪$ huggingface-cli login --token ⟫@S@\n⟪Token is valid (permission: write).⟫\n"
    "⟪Your token has been saved to /root/.cache/huggingface/token⟫\n⟪Login successful⟫\n",
    "⟪$ cat /root/.netrc⟫\n⟪machine api.wandb.ai⟫\n  ⟪login user⟫\n  ⟪password ⟫@S@\n",
    "⟪model_list:⟫\n  ⟪- model_name: gpt-4o⟫\n    ⟪litellm_params:⟫\n      ⟪model: azure/gpt-4o⟫\n"
    "      ⟪api_base: https://acme-ai.openai.azure.com⟫\n      ⟪api_key: ⟫@S@\n",
    '⟪"mcp": {⟫\n  ⟪"servers": {⟫\n    ⟪"sentry": {⟫\n      ⟪"type": "stdio",⟫\n'
    '      ⟪"command": "npx", "args": ["@sentry/mcp-server"],⟫\n      ⟪"env": { "SENTRY_ACCESS_TOKEN": "⟫@S@⟪" }⟫\n',
    "⟪[Service]⟫\n⟪Environment=OLLAMA_HOST=0.0.0.0:11434⟫\n⟪Environment=OPEN_WEBUI_SECRET=⟫@S@\n",
    "⟪$ codex --config model_providers.acme.env_key=ACME_KEY⟫\n"
    "⟪[config] provider acme: base_url=https://llm.acme-corp.io/v1 "
    "key=⟫@S@⟪ (from env)⟫\n",
    "⟪$ aider --model sonnet --anthropic-api-key ⟫@S@\n⟪Aider v0.82.1⟫\n"
    "⟪Main model: claude-sonnet-4 with diff edit format⟫\n",
)

SDK_TRACE = (
    "⟪DEBUG:httpx:HTTP Request: POST https://api.acme-corp.io/v1/messages⟫\n"
    "⟪DEBUG:anthropic._base_client:Request options: {'method': 'post', 'url': '/v1/messages', "
    "'headers': {'x-api-key': '⟫@S@⟪', 'anthropic-version': '2023-06-01'}}⟫\n",
    "⟪[openai] request headers: {⟫\n  ⟪'openai-organization': 'org-acmecorp',⟫\n"
    "  ⟪'authorization': 'Bearer ⟫@S@⟪',⟫\n  ⟪'user-agent': 'OpenAI/Python 1.51.0'⟫\n⟪}⟫\n",
    "⟪> POST /openai/deployments/gpt-4o/chat/completions?api-version=2024-06-01 HTTP/1.1⟫\n"
    "⟪> Host: acme-ai.openai.azure.com⟫\n⟪> api-key: ⟫@S@\n⟪> Content-Type: application/json⟫\n",
    "⟪> Entering new AgentExecutor chain...⟫\n⟪[llm/start] [chain:AgentExecutor > llm:ChatAnthropic] "
    'Entering LLM run with input: {⟫\n  ⟪"anthropic_api_key": "⟫@S@⟪",⟫\n  ⟪"model": "claude-sonnet-4"⟫\n⟪}⟫\n',
    "⟪DEBUG:llama_index.core.llms:OpenAI(model='gpt-4o', temperature=0.1, api_key='⟫@S@⟪', "
    "api_base='https://api.acme-corp.io/v1', max_retries=3)⟫\n",
    '⟪curl https://api.acme-corp.io/v1/messages \\⟫\n  ⟪-H "anthropic-api-key: ⟫@S@⟪" \\⟫\n'
    '  ⟪-H "content-type: application/json" -d @request.json⟫\n',
    "⟪2026-05-14T10:32:11.412Z DEBUG [ai-sdk] fetch https://generativelanguage.googleapis.com/v1beta/models/"
    "gemini-2.0-flash:generateContent?key=⟫@S@\n",
    "⟪openai.AuthenticationError: Error code: 401 - {'error': {'message': 'Incorrect API key provided: ⟫@S@"
    "⟪. You can find your API key at https://platform.openai.com/account/api-keys.', 'type': "
    "'invalid_request_error'}}⟫\n",
    "⟪Client(base_url='https://api.acme-corp.io', headers={'X-Goog-Api-Key': '⟫@S@⟪', 'X-Client': 'genai-py/1.2'})⟫\n",
    "⟪[langsmith] tracing to project acme-evals⟫\n⟪LANGCHAIN_TRACING_V2=true⟫\n⟪LANGCHAIN_API_KEY=⟫@S@\n",
    "⟪DEBUG cohere: Sending request headers={'Authorization': 'bearer ⟫@S@⟪', 'X-Fern-SDK-Version': '5.11.0'}⟫\n",
    '⟪time=2026-05-14T10:32:11Z level=DEBUG msg="llm request" provider=mistral url=https://api.acme-corp.io/v1/chat '
    'header.Authorization="Bearer ⟫@S@⟪"⟫\n',
)

REGISTRY = (
    '⟪npmScopes:⟫\n  ⟪acme:⟫\n    ⟪npmRegistryServer: "https://npm.acme-corp.io"⟫\n    ⟪npmAuthToken: "⟫@S@⟪"⟫\n'
    "    ⟪npmAlwaysAuth: true⟫\n",
    "⟪$ pnpm config set //npm.acme-corp.io/:_authToken ⟫@S@\n⟪$ pnpm install --frozen-lockfile⟫\n",
    "⟪$ poetry config http-basic.acme ci ⟫@S@\n⟪$ poetry install --no-root⟫\n"
    "⟪Installing dependencies from lock file⟫\n",
    "⟪channels:⟫\n  ⟪- defaults⟫\n⟪channel_alias: https://conda.acme-corp.io/t/⟫@S@⟪/get⟫\n⟪ssl_verify: true⟫\n",
    "⟪$ dart pub token add https://dart.acme-corp.io --env-var PUB_TOKEN⟫\n"
    "⟪$ echo ⟫@S@⟪ | dart pub token add https://pub.acme-corp.io⟫\n"
    '⟪Enter secret token: Requests to "https://pub.acme-corp.io" will now be authenticated using the secret token.⟫\n',
    "⟪$ helm repo add acme https://charts.acme-corp.io --username ci --password ⟫@S@\n"
    '⟪"acme" has been added to your repositories⟫\n',
    "⟪$ curl -H 'X-JFrog-Art-Api: ⟫@S@⟪' -T dist/app-2.4.1.tgz "
    "https://acme.jfrog.io/artifactory/npm-local/app/-/app-2.4.1.tgz⟫\n",
    "⟪$ export GOPRIVATE=git.acme-corp.io/*⟫\n⟪$ export GONOSUMDB=git.acme-corp.io/*⟫\n"
    "⟪$ printf 'machine git.acme-corp.io login ci password %s\\n' ⟫@S@⟪ > ~/.netrc⟫\n",
    "⟪$ curl -u ci:⟫@S@⟪ --upload-file build/app-2.4.1.jar "
    "https://nexus.acme-corp.io/repository/maven-releases/io/acme/app/2.4.1/app-2.4.1.jar⟫\n",
    "⟪[global]⟫\n⟪extra-index-url = https://ci:⟫@S@⟪@pypi.acme-corp.io/simple⟫\n",
    "⟪$ pod repo push acme-specs AcmeKit.podspec⟫\n⟪# ~/.netrc⟫\n⟪machine cocoapods.acme-corp.io⟫\n⟪  login ci⟫\n"
    "⟪  password ⟫@S@\n",
    '⟪[registries.acme]⟫\n⟪index = "sparse+https://cargo.acme-corp.io/index/"⟫\n⟪token = "Bearer ⟫@S@⟪"⟫\n',
)

EDITOR = (
    '⟪{⟫\n  ⟪"editor.formatOnSave": true,⟫\n  ⟪"sonarlint.connectedMode.connections.sonarqube": [⟫\n'
    '    ⟪{ "serverUrl": "https://sonar.acme-corp.io", "token": "⟫@S@⟪" }⟫\n  ⟪],⟫\n',
    '⟪{⟫\n  ⟪"dev": {⟫\n    ⟪"host": "https://api.acme-corp.io",⟫\n    ⟪"apiToken": "⟫@S@⟪"⟫\n  ⟪}⟫\n⟪}⟫\n',
    "⟪@baseUrl = https://api.acme-corp.io⟫\n⟪@token = ⟫@S@\n\n⟪GET {{baseUrl}}/v1/orders⟫\n"
    "⟪Authorization: Bearer {{token}}⟫\n",
    "⟪$ cat ~/.git-credentials⟫\n⟪https://ci-bot:⟫@S@⟪@git.acme-corp.io⟫\n",
    "⟪$ git clone https://x-token-auth:⟫@S@⟪@bitbucket.org/acme/shop.git⟫\n⟪Cloning into 'shop'...⟫\n",
    '⟪{⟫\n  ⟪"name": "Production",⟫\n  ⟪"values": [⟫\n    ⟪{ "key": "baseUrl", "value": "https://api.acme-corp.io", '
    '"enabled": true },⟫\n    ⟪{ "key": "apiKey", "value": "⟫@S@⟪", "type": "secret", "enabled": true }⟫\n',
    '⟪"rest-client.environmentVariables": {⟫\n  ⟪"production": {⟫\n    ⟪"host": "api.acme-corp.io",⟫\n'
    '    ⟪"password": "⟫@S@⟪"⟫\n  ⟪}⟫\n⟪}⟫\n',
    '⟪<component name="DataSourceManagerImpl">⟫\n  ⟪<data-source name="shop@prod">⟫\n'
    "    ⟪<jdbc-url>jdbc:postgresql://db.acme-corp.io:5432/shop</jdbc-url>⟫\n"
    "    ⟪<user-name>shop</user-name>⟫\n    ⟪<user-password>⟫@S@⟪</user-password>⟫\n",
    "⟪$ bb auth login --username acme-bot --app-password ⟫@S@\n⟪Logged in to bitbucket.org as acme-bot⟫\n",
    '⟪"github.copilot.advanced": {⟫\n  ⟪"debug.overrideProxyUrl": "https://copilot-proxy.acme-corp.io",⟫\n'
    '  ⟪"authProvider.token": "⟫@S@⟪"⟫\n⟪}⟫\n',
)

RUNNER = (
    '⟪[[runners]]⟫\n  ⟪name = "build-07"⟫\n  ⟪url = "https://gitlab.acme-corp.io/"⟫\n  ⟪id = 41⟫\n'
    '  ⟪token = "⟫@S@⟪"⟫\n  ⟪executor = "docker"⟫\n',
    "⟪$ gitlab-runner register --non-interactive --url https://gitlab.acme-corp.io/ "
    "--token ⟫@S@⟪ --executor docker --docker-image alpine:3.20⟫\n⟪Runtime platform  arch=amd64 os=linux⟫\n",
    "⟪$ ./config.sh --url https://github.com/acme/shop --token ⟫@S@⟪ --labels self-hosted,linux⟫\n"
    "⟪√ Connected to GitHub⟫\n",
    '⟪# /etc/buildkite-agent/buildkite-agent.cfg⟫\n⟪token="⟫@S@⟪"⟫\n⟪name="%hostname-%spawn"⟫\n'
    '⟪tags="queue=default"⟫\n',
    "⟪DRONE_RPC_HOST=drone.acme-corp.io⟫\n⟪DRONE_RPC_PROTO=https⟫\n⟪DRONE_RPC_SECRET=⟫@S@\n⟪DRONE_RUNNER_CAPACITY=2⟫\n",
    "⟪$ java -jar agent.jar -url https://ci.acme-corp.io/ -secret ⟫@S@⟪ -name build-07 -workDir /srv/jenkins⟫\n"
    "⟪INFO: Agent discovery successful⟫\n",
    "⟪WOODPECKER_SERVER=ci.acme-corp.io:9000⟫\n⟪WOODPECKER_AGENT_SECRET=⟫@S@\n⟪WOODPECKER_MAX_WORKFLOWS=4⟫\n",
    "⟪runner:⟫\n  ⟪file: .runner⟫\n  ⟪capacity: 2⟫\n⟪$ act_runner register --instance https://gitea.acme-corp.io "
    "--token ⟫@S@⟪ --no-interactive⟫\n",
    '⟪gitlabUrl: https://gitlab.acme-corp.io/⟫\n⟪runnerToken: "⟫@S@⟪"⟫\n⟪rbac:⟫\n  ⟪create: true⟫\n',
    "⟪$ buildkite-agent start --token ⟫@S@⟪ --tags queue=deploy⟫\n⟪Registering agent with Buildkite...⟫\n",
)

IAC_OUTPUT = (
    '⟪$ terraform output -json⟫\n⟪{⟫\n  ⟪"db_password": {⟫\n    ⟪"sensitive": true,⟫\n    ⟪"type": "string",⟫\n'
    '    ⟪"value": "⟫@S@⟪"⟫\n  ⟪},⟫\n',
    "⟪$ terraform output -raw admin_password⟫\n@S@\n",
    "⟪$ pulumi stack output --show-secrets⟫\n⟪Current stack outputs (3):⟫\n⟪    OUTPUT          VALUE⟫\n"
    "⟪    bucketName      shop-assets-7f3a⟫\n⟪    dbPassword      ⟫@S@\n"
    "⟪    endpoint        https://api.acme-corp.io⟫\n",
    "⟪$ cat ~/.ansible/vault_pass.txt⟫\n@S@\n"
    "⟪$ ansible-playbook site.yml --vault-password-file ~/.ansible/vault_pass.txt⟫\n",
    "⟪$ ansible-vault view group_vars/prod/vault.yml⟫\n⟪vault_db_user: shop⟫\n⟪vault_db_password: ⟫@S@\n",
    "⟪$ pulumi config get dbPassword --show-secrets⟫\n@S@\n",
    '⟪$ terraform state show random_password.db⟫\n⟪# random_password.db:⟫\n⟪resource "random_password" "db" {⟫\n'
    '    ⟪id          = "none"⟫\n    ⟪length      = 24⟫\n    ⟪result      = "⟫@S@⟪"⟫\n⟪}⟫\n',
    "⟪$ cdktf output --outputs-file-include-sensitive-outputs⟫\n⟪shop⟫\n  ⟪apiKey = ⟫@S@\n",
    "⟪apiVersion: v1⟫\n⟪kind: Secret⟫\n⟪metadata:⟫\n  ⟪name: db-conn⟫\n  ⟪annotations:⟫\n"
    "    ⟪crossplane.io/external-name: shop⟫\n⟪stringData:⟫\n  ⟪password: ⟫@S@\n",
    '⟪Outputs:⟫\n\n⟪admin_token = <sensitive>⟫\n⟪grafana_password = "⟫@S@⟪"⟫\n⟪lb_dns = "shop-lb.acme-corp.io"⟫\n',
)

STORE = (
    "⟪$ vault token create -policy=ci -ttl=24h⟫\n⟪Key                  Value⟫\n⟪---                  -----⟫\n"
    "⟪token                ⟫@S@\n⟪token_accessor       ⟫@B44@\n⟪token_duration       24h⟫\n"
    "⟪token_renewable      true⟫\n",
    "⟪$ vault operator init -key-shares=1 -key-threshold=1⟫\n⟪Unseal Key 1: ⟫@S@\n\n"
    "⟪Vault initialized with 1 key shares and a key threshold of 1.⟫\n",
    "⟪$ consul acl bootstrap⟫\n⟪AccessorID:       ⟫@UUID@\n⟪SecretID:         ⟫@S@\n"
    "⟪Description:      Bootstrap Token (Global Management)⟫\n⟪Local:            false⟫\n",
    "⟪$ nomad acl bootstrap⟫\n⟪Accessor ID  = ⟫@UUID@\n⟪Secret ID    = ⟫@S@\n⟪Name         = Bootstrap Token⟫\n"
    "⟪Type         = management⟫\n",
    '⟪$ vault login -format=json -method=userpass username=ci⟫\n⟪{⟫\n  ⟪"auth": {⟫\n'
    '    ⟪"client_token": "⟫@S@⟪",⟫\n    ⟪"policies": ["ci", "default"],⟫\n',
    "⟪$ export CONSUL_HTTP_TOKEN=⟫@S@\n⟪$ consul members⟫\n⟪Node     Address              Status  Type⟫\n",
    "⟪$ vault write -f auth/approle/role/ci/secret-id⟫\n⟪Key                   Value⟫\n"
    "⟪---                   -----⟫\n⟪secret_id             ⟫@S@\n⟪secret_id_accessor    ⟫@UUID@\n"
    "⟪secret_id_ttl         0s⟫\n",
    '⟪acl = {⟫\n  ⟪enabled = true⟫\n  ⟪tokens = {⟫\n    ⟪initial_management = "⟫@S@⟪"⟫\n  ⟪}⟫\n⟪}⟫\n',
    "⟪$ nomad acl token create -name=ci -policy=deploy⟫\n⟪Accessor ID  = ⟫@UUID@\n⟪Secret ID    = ⟫@S@\n"
    "⟪Name         = ci⟫\n",
    "⟪$ cat ~/.vault-token⟫\n@S@\n⟪$ vault kv get -mount=secret shop⟫\n",
)

CLOUD_IDENTITY = (
    "⟪$ kubectl config view --raw⟫\n⟪users:⟫\n⟪- name: ci⟫\n  ⟪user:⟫\n    ⟪token: ⟫@S@\n⟪current-context: prod⟫\n",
    "⟪$ az ad sp create-for-rbac --name shop-ci --role contributor --scopes /subscriptions/@UUID@⟫\n⟪{⟫\n"
    '  ⟪"appId": "⟫@UUID@⟪",⟫\n  ⟪"displayName": "shop-ci",⟫\n  ⟪"password": "⟫@S@⟪",⟫\n  ⟪"tenant": "⟫@UUID@⟪"⟫\n'
    "⟪}⟫\n",
    "⟪$ aws configure export-credentials --format env⟫\n⟪export AWS_ACCESS_KEY_ID=⟫@AKID@\n"
    "⟪export AWS_SECRET_ACCESS_KEY=⟫@S@\n",
    "⟪$ gcloud auth print-access-token⟫\n@S@\n⟪$ gcloud config list⟫\n⟪[core]⟫\n⟪project = acme-shop⟫\n",
    '⟪$ az ad app credential reset --id @UUID@ --append⟫\n⟪{⟫\n  ⟪"appId": "⟫@UUID@⟪",⟫\n'
    '  ⟪"password": "⟫@S@⟪",⟫\n',
    "⟪[profile ci]⟫\n⟪region = eu-west-1⟫\n⟪$ cat ~/.aws/credentials⟫\n⟪[ci]⟫\n⟪aws_access_key_id = ⟫@AKID@\n"
    "⟪aws_secret_access_key = ⟫@S@\n",
    "⟪$ kubectl create token deploy-bot -n shop --duration 1h⟫\n@S@\n",
    "⟪ARM_CLIENT_ID=⟫@UUID@\n⟪ARM_CLIENT_SECRET=⟫@S@\n⟪ARM_TENANT_ID=⟫@UUID@\n",
    "⟪- name: prod⟫\n  ⟪user:⟫\n    ⟪auth-provider:⟫\n      ⟪config:⟫\n        ⟪access-token: ⟫@S@\n"
    "        ⟪cmd-path: /usr/lib/google-cloud-sdk/bin/gcloud⟫\n",
    "⟪$ aws sts assume-role --role-arn arn:aws:iam::@ACCT@:role/ci --role-session-name ci --output text⟫\n"
    "⟪CREDENTIALS\t⟫@AKID@⟪\t2026-05-14T11:32:11+00:00\t⟫@S@\n",
)

OBSERVABILITY = (
    "⟪remote_write:⟫\n  ⟪- url: https://prometheus.acme-corp.io/api/prom/push⟫\n    ⟪basic_auth:⟫\n"
    "      ⟪username: 412873⟫\n      ⟪password: ⟫@S@\n",
    "⟪clients:⟫\n  ⟪- url: https://412873:⟫@S@⟪@logs.acme-corp.io/loki/api/v1/push⟫\n",
    "⟪exporters:⟫\n  ⟪otlp/honeycomb:⟫\n    ⟪endpoint: api.honeycomb.io:443⟫\n    ⟪headers:⟫\n"
    '      ⟪"x-honeycomb-team": "⟫@S@⟪"⟫\n',
    "⟪[OUTPUT]⟫\n    ⟪Name        datadog⟫\n    ⟪Match       *⟫\n    ⟪apikey      ⟫@S@\n    ⟪dd_service  shop⟫\n",
    '⟪[sinks.newrelic]⟫\n⟪type = "new_relic"⟫\n⟪inputs = ["app_logs"]⟫\n⟪account_id = "412873"⟫\n'
    '⟪license_key = "⟫@S@⟪"⟫\n',
    '⟪$ grafana-agent --config.file=agent.yaml⟫\n⟪ts=2026-05-14T10:32:11Z level=info msg="remote write" '
    "url=https://412873:⟫@S@⟪@prometheus-prod.acme-corp.io/api/prom/push⟫\n",
    "⟪tempo:⟫\n  ⟪distributor:⟫\n⟪traces:⟫\n  ⟪configs:⟫\n    ⟪- name: default⟫\n      ⟪remote_write:⟫\n"
    "        ⟪- endpoint: tempo.acme-corp.io:443⟫\n          ⟪basic_auth:⟫\n            ⟪username: 9912⟫\n"
    "            ⟪password: ⟫@S@\n",
    "⟪OTEL_EXPORTER_OTLP_ENDPOINT=https://otlp.acme-corp.io⟫\n"
    "⟪OTEL_EXPORTER_OTLP_HEADERS=Authorization=Basic ⟫@S@\n",
    "⟪$ helm install alloy grafana/alloy --set externalServices.loki.basicAuth.password=⟫@S@⟪ "
    "--set cluster.name=prod⟫\n",
    "⟪SENTRY_DSN=https://⟫@H32@:@S@⟪@sentry.acme-corp.io/42⟫\n",
    "⟪datadog:⟫\n  ⟪site: datadoghq.eu⟫\n  ⟪apiKey: ⟫@S@\n  ⟪appKeyExistingSecret: datadog-app-key⟫\n",
)

DATABASE_ADMIN = (
    "⟪$ bin/elasticsearch-reset-password -u elastic -b⟫\n⟪Password for the [elastic] user successfully reset.⟫\n"
    "⟪New value: ⟫@S@\n",
    "⟪mongodb+srv://shop:⟫@S@⟪@cluster0.acme-corp.io/?retryWrites=true&w=majority&appName=Cluster0⟫\n",
    "⟪$ redis-cli -u rediss://default:⟫@S@⟪@cache.acme-corp.io:6380 ping⟫\n⟪PONG⟫\n",
    "⟪2026-05-14 10:32:11.412 UTC [4121] LOG:  statement: ALTER ROLE shop WITH PASSWORD '⟫@S@⟪';⟫\n",
    "⟪$ mysql_config_editor set --login-path=prod --host=db.acme-corp.io --user=shop --password⟫\n"
    "⟪Enter password:⟫\n⟪# typed into the wrong pane:⟫ @S@\n",
    '⟪[connections.prod]⟫\n⟪account = "acme-xy12345"⟫\n⟪user = "SVC_SHOP"⟫\n⟪password = "⟫@S@⟪"⟫\n'
    '⟪warehouse = "SHOP_WH"⟫\n',
    "⟪$ clickhouse-client --host ch.acme-corp.io --secure --user shop --password ⟫@S@⟪ --query 'SELECT 1'⟫\n",
    "⟪mysql> CREATE USER 'report'@'%' IDENTIFIED BY '⟫@S@⟪';⟫\n⟪Query OK, 0 rows affected (0.01 sec)⟫\n",
    "⟪$ cockroach sql --url 'postgresql://root:⟫@S@⟪@crdb.acme-corp.io:26257/defaultdb?sslmode=verify-full'⟫\n",
    "⟪$ docker run -d --name es -e ELASTIC_PASSWORD=⟫@S@⟪ docker.elastic.co/elasticsearch/elasticsearch:8.14.1⟫\n",
    "⟪The generated password for the elastic built-in superuser is : ⟫@S@\n"
    "⟪The enrollment token for Kibana instances is valid for the next 30 minutes.⟫\n",
)

MOBILE_SIGNING = (
    '⟪signingConfigs {⟫\n    ⟪release {⟫\n        ⟪storeFile file("release.jks")⟫\n'
    '        ⟪storePassword "⟫@S@⟪"⟫\n        ⟪keyAlias "upload"⟫\n',
    "⟪storePassword=⟫@S@\n⟪keyAlias=upload⟫\n⟪storeFile=/srv/keys/upload-keystore.jks⟫\n",
    "⟪$ fastlane match appstore --readonly⟫\n⟪[10:32:11]: Cloning remote git repo...⟫\n⟪MATCH_PASSWORD=⟫@S@\n",
    "⟪$ keytool -genkey -v -keystore upload.jks -alias upload -keyalg RSA -keysize 2048 -validity 10000 "
    "-storepass ⟫@S@⟪ -dname 'CN=Acme, O=Acme Corp, C=DE'⟫\n",
    "⟪android.injected.signing.store.file=/srv/keys/release.jks⟫\n⟪android.injected.signing.key.password=⟫@S@\n",
    "⟪$ xcodebuild -exportArchive -archivePath build/App.xcarchive -exportPath out⟫\n"
    "⟪$ security unlock-keychain -p ⟫@S@⟪ build.keychain⟫\n",
    '⟪{⟫\n  ⟪"build": {⟫\n    ⟪"production": {⟫\n      ⟪"android": {⟫\n'
    '        ⟪"credentialsSource": "local",⟫\n        ⟪"keystorePassword": "⟫@S@⟪"⟫\n',
    "⟪$ apksigner sign --ks release.jks --ks-pass pass:⟫@S@⟪ --out app-signed.apk app-release.apk⟫\n",
    "⟪$ jarsigner -keystore release.jks -storepass ⟫@S@⟪ app.aab upload⟫\n⟪jar signed.⟫\n",
    "⟪env:⟫\n  ⟪FASTLANE_USER: builds⟫\n  ⟪FASTLANE_PASSWORD: ⟫@S@\n  ⟪FASTLANE_SESSION_TIMEOUT: 3600⟫\n",
)

KYC = (
    '⟪2026-05-14T10:32:11Z INFO kyc.verify applicant=5821 {"ssn": "⟫@S@⟪", "dob": "1988-03-02", '
    '"status": "pending"}⟫\n',
    "⟪[onboarding] identity check failed for applicant 5821: SSN ⟫@S@⟪ did not match bureau record⟫\n",
    "⟪>>> applicant.to_dict()⟫\n⟪{'id': 5821, 'tax_id_type': 'ssn', 'tax_id': '⟫@S@⟪', 'state': 'OH'}⟫\n",
    '⟪POST /v1/identity/verify⟫\n⟪{"first_name": "⟫J⟪", "id_number": "⟫@S@⟪", "id_type": "SSN"}⟫\n',
    "⟪ applicant_id | ssn         | result⟫\n⟪--------------+-------------+--------⟫\n"
    "⟪         5821 | ⟫@S@⟪ | review⟫\n",
    '⟪<Applicant id="5821">⟫\n  ⟪<TaxId type="SSN">⟫@S@⟪</TaxId>⟫\n  ⟪<State>OH</State>⟫\n⟪</Applicant>⟫\n',
    "⟪WARN  compliance.screening: retrying bureau lookup ssn=⟫@S@⟪ attempt=2 case=CASE-20260514-0042⟫\n",
    '⟪Traceback (most recent call last):⟫\n⟪  File "/srv/kyc/checks.py", line 41, in verify⟫\n'
    "⟪kyc.errors.MismatchError: SSN '⟫@S@⟪' belongs to a deceased record⟫\n",
    "⟪applicant_id,last_name,ssn,state⟫\n⟪5821,⟫Okafor⟪,⟫@S@⟪,OH⟫\n",
    '⟪- applicant: 5821⟫\n  ⟪social_security_number: "⟫@S@⟪"⟫\n  ⟪verified: false⟫\n',
)


_OWN_FILLERS: dict[str, tuple[str, int, str]] = {
    "@H32@": (HEX, 32, ""),
    "@H16@": (HEX, 16, ""),
    "@SHA8@": (HEX, 8, ""),
    "@D4@": (DIGITS, 4, ""),
    "@D7@": (DIGITS, 7, ""),
    "@FP@": ("0123456789ABCDEF", 2, ":"),
}


def _own_fillers(template: str, rng: random.Random) -> str:
    """This part's own fillers (short hex ids, digit runs, a colon-separated fingerprint), filled once when the
    module loads; `tuning_round4`'s fillers are filled for each document."""
    for name, (alphabet, n, sep) in _OWN_FILLERS.items():
        while name in template:
            value = sep.join(chars(rng, alphabet, n) for _ in range(32)) if sep else chars(rng, alphabet, n)
            template = template.replace(name, value, 1)
    return template


def _filled(templates: tuple[str, ...]) -> tuple[str, ...]:
    """The templates with this part's own fillers filled."""
    rng = random.Random(SEED)
    return tuple(_own_fillers(template, rng) for template in templates)


CLASSES = (
    Class("agent_tool_config", ai_key, _filled(AGENT_CONFIG)),
    Class("llm_sdk_trace", ai_key, _filled(SDK_TRACE)),
    Class("registry_client_auth", registry_token, _filled(REGISTRY)),
    Class("editor_forge_file", editor_secret, _filled(EDITOR)),
    Class("ci_runner_token", runner_token, _filled(RUNNER)),
    Class("iac_secret_output", plain_password, _filled(IAC_OUTPUT)),
    Class("secret_store_bootstrap", store_token, _filled(STORE)),
    Class("cloud_identity_output", cloud_secret, _filled(CLOUD_IDENTITY)),
    Class("observability_pipeline", observability_key, _filled(OBSERVABILITY)),
    Class("database_admin_output", plain_password, _filled(DATABASE_ADMIN)),
    Class("mobile_signing", plain_password, _filled(MOBILE_SIGNING)),
    Class("kyc_ssn", ssn, _filled(KYC)),
)

# Secret-free look-alikes in the same syntaxes ---------------------------------------------------

_LOOKALIKE_TEMPLATES = (
    '⟪"env": { "GITHUB_PERSONAL_ACCESS_TOKEN": "${GITHUB_TOKEN}" }⟫\n',
    '⟪"env": { "LINEAR_API_KEY": "<your-linear-api-key>" }⟫\n',
    '⟪"headers": { "Authorization": "Bearer ${input:searchToken}" }⟫\n',
    "⟪    apiKey: ${{ secrets.ANTHROPIC_API_KEY }}⟫\n",
    "⟪Token is valid (permission: read).⟫\n⟪Your token has been saved to /root/.cache/huggingface/token⟫\n",
    "⟪wandb: Currently logged in as: acme-ml (acme). Use `wandb login --relogin` to force relogin⟫\n",
    "⟪      api_key: os.environ/AZURE_API_KEY⟫\n",
    "⟪Aider v0.82.1⟫\n⟪Main model: claude-sonnet-4 with diff edit format, infinite output⟫\n",
    "⟪'headers': {'x-api-key': '<redacted>', 'anthropic-version': '2023-06-01'}⟫\n",
    "⟪'authorization': 'Bearer sk-...a3f9', 'openai-organization': 'org-acmecorp'⟫\n",
    "⟪> api-key: ***⟫\n⟪> x-ms-client-request-id: @UUID@⟫\n",
    "⟪request-id: req_@H32@⟫\n⟪anthropic-ratelimit-tokens-remaining: 39000⟫\n",
    "⟪LANGCHAIN_API_KEY=⟫\n⟪LANGCHAIN_PROJECT=acme-evals⟫\n",
    '⟪    npmAuthToken: "${NPM_TOKEN}"⟫\n',
    "⟪//npm.acme-corp.io/:_authToken=${NPM_TOKEN}⟫\n",
    "⟪$ poetry config http-basic.acme ci⟫\n⟪Password:⟫\n",
    '⟪integrity: "@SRI@"⟫\n⟪resolved: "https://npm.acme-corp.io/app/-/app-2.4.1.tgz"⟫\n',
    "⟪$ helm repo add acme https://charts.acme-corp.io --username ci --password-stdin < /run/secrets/helm⟫\n",
    '⟪$ curl -H "X-JFrog-Art-Api: $ARTIFACTORY_KEY" https://acme.jfrog.io/artifactory/api/system/ping⟫\n⟪OK⟫\n',
    "⟪machine git.acme-corp.io login ci password $GIT_TOKEN⟫\n",
    '⟪    { "key": "apiKey", "value": "", "type": "secret", "enabled": true }⟫\n',
    "⟪@token = {{$dotenv API_TOKEN}}⟫\n⟪GET {{baseUrl}}/v1/orders⟫\n",
    "⟪https://git.acme-corp.io/acme/shop.git⟫\n⟪credential.helper=store⟫\n",
    "⟪<user-password>$PROJECT_DIR$/.secrets/db</user-password>⟫\n",
    '⟪  token = "${RUNNER_TOKEN}"⟫\n⟪  executor = "docker"⟫\n',
    "⟪Runtime platform  arch=amd64 os=linux pid=4121 revision=@SHA8@ version=17.0.0⟫\n",
    "⟪Verifying runner... is valid  runner=build-07⟫\n",
    "⟪DRONE_RPC_SECRET=${DRONE_RPC_SECRET:?missing}⟫\n",
    '⟪  "db_password": {⟫\n    ⟪"sensitive": true,⟫\n    ⟪"type": "string"⟫\n  ⟪}⟫\n',
    "⟪Outputs:⟫\n⟪admin_token = <sensitive>⟫\n⟪db_password = <sensitive>⟫\n",
    "⟪    dbPassword      [secret]⟫\n⟪    endpoint        https://api.acme-corp.io⟫\n",
    "⟪$ANSIBLE_VAULT;1.1;AES256⟫\n⟪@H64@⟫\n⟪@H64@⟫\n",
    "⟪    result      = (sensitive value)⟫\n",
    '⟪token_accessor       ⟫@B44@\n⟪token_policies       ["ci" "default"]⟫\n',
    "⟪AccessorID:       @UUID@⟫\n⟪Description:      Anonymous Token⟫\n",
    "⟪Accessor ID  = @UUID@⟫\n⟪Name         = ci⟫\n⟪Type         = client⟫\n",
    "⟪Unseal Progress    0/3⟫\n⟪Sealed             true⟫\n⟪Version            1.17.2⟫\n",
    "⟪export CONSUL_HTTP_TOKEN_FILE=/run/secrets/consul⟫\n",
    "⟪    client-certificate-data: DATA+OMITTED⟫\n⟪    client-key-data: DATA+OMITTED⟫\n⟪    token: REDACTED⟫\n",
    '⟪  "appId": "@UUID@",⟫\n  ⟪"displayName": "shop-ci",⟫\n  ⟪"tenant": "@UUID@"⟫\n',
    "⟪      Name                    Value             Type    Location⟫\n"
    "⟪access_key     ****************ABCD shared-credentials-file⟫\n"
    "⟪secret_key     ****************wxyz shared-credentials-file⟫\n",
    "⟪ARM_CLIENT_SECRET=${{ secrets.ARM_CLIENT_SECRET }}⟫\n",
    "⟪      password: ${GRAFANA_CLOUD_API_KEY}⟫\n",
    '⟪      "x-honeycomb-team": "${env:HONEYCOMB_API_KEY}"⟫\n',
    # (a DSN's key: public by Sentry's own account, but most who label such text count it a secret)
    "⟪SENTRY_DSN=https://⟫@H32@⟪@o412873.ingest.sentry.io/4505123⟫\n",
    "⟪  appKeyExistingSecret: datadog-app-key⟫\n⟪  apiKeyExistingSecret: datadog-api-key⟫\n",
    "⟪trace_id=@H32@ span_id=@H16@⟫\n",
    "⟪Password for the [elastic] user successfully reset.⟫\n⟪New value: <printed once, stored in the vault>⟫\n",
    "⟪mongodb+srv://cluster0.acme-corp.io/?authSource=%24external&authMechanism=MONGODB-X509⟫\n",
    "⟪rediss://cache.acme-corp.io:6380/0⟫\n",
    '⟪shop=> \\password shop⟫\n⟪Enter new password for user "shop":⟫\n⟪Enter it again:⟫\n⟪shop=> \\q⟫\n',
    '⟪$ mysql_config_editor print --all⟫\n⟪[prod]⟫\n⟪user = "shop"⟫\n⟪password = *****⟫\n⟪host = "db.acme-corp.io"⟫\n',
    '⟪password = "${SNOWFLAKE_PASSWORD}"⟫\n⟪authenticator = "externalbrowser"⟫\n',
    '⟪        storePassword System.getenv("KEYSTORE_PASSWORD")⟫\n',
    "⟪storePassword=<keystore password>⟫\n⟪keyAlias=upload⟫\n",
    "⟪Certificate fingerprints:⟫\n⟪\t SHA256: @FP@⟫\n",
    "⟪$ apksigner sign --ks release.jks --ks-pass env:KS_PASS app-release.apk⟫\n",
    "⟪[onboarding] identity check passed for applicant 5821: SSN ***-**-@D4@⟫\n",
    "⟪applicant_id=5821 ssn_last4=@D4@ result=approved⟫\n",
    "⟪employer_ein: 12-@D7@⟫\n⟪case=CASE-20260514-0042 ticket=OPS-4821⟫\n",
    '⟪ssn: "XXX-XX-@D4@"⟫\n⟪dob: "****-**-**"⟫\n',
    "⟪ssh-ed25519 @PUB@ build@runner-07⟫\n",
    "⟪vault v1.17.2, consul v1.19.1, nomad v1.8.3, terraform v1.9.5⟫\n",
)


LOOKALIKES = _filled(_LOOKALIKE_TEMPLATES)


def build(per_class: int = 40, seed: int = SEED) -> list[Labelled]:
    """Every class's documents (at least one per template, ``per_class`` at least) and the look-alikes, each
    look-alike under three wrappers."""
    return build_part(CLASSES, LOOKALIKES, per_class=per_class, seed=seed, wrappings=3)


def measure(per_class: int = 40) -> Figures:
    """This part scored as tuning_more scores its own."""
    return score(build(per_class))
