using DrillRunner.Audit;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace DrillRunner.Security;

/// <summary>
/// <c>POST /signin</c> (form field <c>key</c>) sets the session cookie the web dashboard uses; <c>POST /signout</c>
/// clears it. Both outcomes of a sign-in are audited, and failures count towards the <see cref="SignInThrottle"/>.
/// </summary>
internal static class SignInEndpoints
{
    public static IEndpointRouteBuilder MapSignIn(this IEndpointRouteBuilder app)
    {
        app.MapPost("/signin", SignInAsync).AllowAnonymous().DisableAntiforgery().ExcludeFromDescription();
        app.MapPost("/signout", async (HttpContext context) =>
        {
            await context.SignOutAsync(CookieAuthenticationDefaults.AuthenticationScheme);
            return Results.NoContent();
        }).AllowAnonymous().DisableAntiforgery().ExcludeFromDescription();
        return app;
    }

    private static async Task<IResult> SignInAsync(HttpContext context, ApiKeyRegistry keys, SignInThrottle throttle, AuditLog audit)
    {
        if (!context.Request.HasFormContentType)
        {
            return Results.Problem(statusCode: 400, detail: "sign in with a form post (application/x-www-form-urlencoded) with a field 'key'");
        }

        var form = await context.Request.ReadFormAsync(context.RequestAborted);
        var key = form["key"].ToString();
        var address = context.Connection.RemoteIpAddress;
        var match = key.Length == 0 ? null : keys.Find(key);
        if (match is null)
        {
            throttle.Failed(address);
            await audit.WriteAsync("?", address?.ToString(), "signin-failed", "dashboard", "unknown API key", CancellationToken.None);
            return Results.Problem(statusCode: 401, detail: "unknown API key");
        }

        await context.SignInAsync(CookieAuthenticationDefaults.AuthenticationScheme,
            ApiKeyRegistry.Principal(match, CookieAuthenticationDefaults.AuthenticationScheme));
        await audit.WriteAsync(match.Name, address?.ToString(), "signin", "dashboard", $"role {match.Role}", CancellationToken.None);
        var returnUrl = form["returnUrl"].ToString();
        return returnUrl.StartsWith('/') && !returnUrl.StartsWith("//", StringComparison.Ordinal) ? Results.LocalRedirect(returnUrl) : Results.NoContent();
    }
}
