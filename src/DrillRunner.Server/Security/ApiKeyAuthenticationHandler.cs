using System.Security.Claims;
using System.Text.Encodings.Web;
using DrillRunner.Options;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace DrillRunner.Security;

/// <summary>Authenticates <c>X-Api-Key: KEY</c> (or <c>Authorization: Bearer KEY</c>, for Prometheus) against the hashed keys.</summary>
internal sealed class ApiKeyAuthenticationHandler(
    IOptionsMonitor<AuthenticationSchemeOptions> options,
    ILoggerFactory logger,
    UrlEncoder encoder,
    IOptionsMonitor<DrillServerOptions> server)
    : AuthenticationHandler<AuthenticationSchemeOptions>(options, logger, encoder)
{
    public const string SchemeName = "ApiKey";
    public const string Header = "X-Api-Key";

    public static bool HasKey(HttpRequest request) => request.Headers.ContainsKey(Header) || request.Headers.Authorization.ToString().StartsWith("Bearer ", StringComparison.Ordinal);

    protected override Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        var key = Request.Headers[Header].ToString();
        if (key.Length == 0 && Request.Headers.Authorization.ToString() is { } auth && auth.StartsWith("Bearer ", StringComparison.Ordinal))
        {
            key = auth["Bearer ".Length..].Trim();
        }

        if (key.Length == 0)
        {
            return Task.FromResult(AuthenticateResult.NoResult());
        }

        var match = Find(server.CurrentValue, key);
        return Task.FromResult(match is null
            ? AuthenticateResult.Fail("invalid API key")
            : AuthenticateResult.Success(new AuthenticationTicket(Principal(match, SchemeName), SchemeName)));
    }

    public static ApiKeyOptions? Find(DrillServerOptions options, string key) =>
        options.ApiKeys.FirstOrDefault(k => ApiKeyHash.Matches(key, k.Hash));

    public static ClaimsPrincipal Principal(ApiKeyOptions key, string scheme) =>
        new(new ClaimsIdentity([new Claim(ClaimTypes.Name, key.Name), new Claim(ClaimTypes.Role, key.Role)], scheme));
}
