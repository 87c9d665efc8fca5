using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace DrillRunner.Dashboard;

/// <summary>
/// Cross-site request forgery defence for cookie sessions, on top of the <c>SameSite=Strict</c> cookie: an unsafe
/// request authenticated by the cookie must carry <see cref="Header"/> (a custom header a cross-origin form cannot
/// send, and fetch cannot send cross-origin without a CORS preflight the server never grants) and, when the browser
/// sends <c>Origin</c>, come from this server's own origin. API-key requests are not affected: a browser never adds
/// the key by itself.
/// </summary>
internal static class ForgeryGuard
{
    public const string Header = "X-DrillRunner-Request";

    public static IApplicationBuilder UseDashboardForgeryGuard(this IApplicationBuilder app) => app.Use(async (context, next) =>
    {
        if (Refuses(context, out var reason))
        {
            await Results.Problem(statusCode: StatusCodes.Status403Forbidden, title: "Forgery check failed", detail: reason).ExecuteAsync(context);
            return;
        }

        await next(context);
    });

    internal static bool Refuses(HttpContext context, out string reason)
    {
        reason = string.Empty;
        var request = context.Request;
        if (HttpMethods.IsGet(request.Method) || HttpMethods.IsHead(request.Method) || HttpMethods.IsOptions(request.Method)
            || request.Path.StartsWithSegments("/signin") || request.Path.StartsWithSegments("/signout")
            || context.User.Identity?.AuthenticationType != CookieAuthenticationDefaults.AuthenticationScheme)
        {
            return false;
        }

        if (!request.Headers.ContainsKey(Header))
        {
            reason = $"a cookie-authenticated {request.Method} needs the {Header} header (the dashboard sends it)";
            return true;
        }

        var origin = request.Headers.Origin.ToString();
        if (origin.Length > 0 && !string.Equals(origin, $"{request.Scheme}://{request.Host}", StringComparison.OrdinalIgnoreCase))
        {
            reason = $"origin {origin} is not this server";
            return true;
        }

        return false;
    }
}
