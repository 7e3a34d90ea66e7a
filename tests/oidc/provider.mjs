// A real OpenID Provider for the sign-in tests: oidc-provider (an OpenID Certified
// implementation) with its development login and consent pages, on 127.0.0.1:$PORT.
// One confidential client, "stockroom", whose redirect URI is $REDIRECT_URI. Accounts are
// named by their login, which is also their subject (``sub``): ada (verified email), eve
// (unverified email), grace (verified, for an account Stockroom has already). Prints
// "oidc-provider listening on <issuer>".
import Provider from "oidc-provider";

const port = Number(process.env.PORT);
const issuer = `http://127.0.0.1:${port}`;
const accounts = {
  ada: { email: "ada@example.com", email_verified: true, name: "Ada Lovelace" },
  eve: { email: "eve@example.com", email_verified: false, name: "Eve" },
  grace: { email: "grace@example.com", email_verified: true, name: "Grace Hopper" },
};

const provider = new Provider(issuer, {
  clients: [
    {
      client_id: "stockroom",
      client_secret: "stockroom-test-secret",
      redirect_uris: [process.env.REDIRECT_URI],
      grant_types: ["authorization_code"],
      response_types: ["code"],
      token_endpoint_auth_method: "client_secret_basic",
    },
  ],
  pkce: { required: () => true },
  claims: { openid: ["sub"], email: ["email", "email_verified"], profile: ["name"] },
  async findAccount(_ctx, id) {
    const account = accounts[id];
    if (account === undefined) return undefined;
    return { accountId: id, async claims() { return { sub: id, ...account }; } };
  },
  features: { devInteractions: { enabled: true } },
  cookies: { keys: ["stockroom-test-cookie-key"] },
});

provider.listen(port, "127.0.0.1", () => {
  console.log(`oidc-provider listening on ${issuer}`);
});
