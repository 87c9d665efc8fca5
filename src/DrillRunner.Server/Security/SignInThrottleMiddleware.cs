using System.Globalization;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;

namespace DrillRunner.Security;

/// <summary>
/// Before authentication: an attempt to sign in (<c>POST /signin</c>, or any request carrying an API key) from an
/// address that must still wait gets 429 with <c>Retry-After</c>, and its key is not even looked at.
/// </summary>
internal static class SignInThrottleMiddleware
{
    public static IApplicationBuilder UseSignInThrottle(this IApplicationBuilder app) => app.Use(async (context, next) =>
    {
        var attempt = ApiKeyAuthenticationHandler.HasKey(context.Request)
            || (HttpMethods.IsPost(context.Request.Method) && context.Request.Path.Equals("/signin", StringComparison.OrdinalIgnoreCase));
        var wait = attempt ? context.RequestServices.GetRequiredService<SignInThrottle>().WaitFor(context.Connection.RemoteIpAddress) : TimeSpan.Zero;
        if (wait > TimeSpan.Zero)
        {
            var seconds = (int)Math.Ceiling(wait.TotalSeconds);
            context.Response.Headers.RetryAfter = seconds.ToString(CultureInfo.InvariantCulture);
            await Results.Problem(
                statusCode: StatusCodes.Status429TooManyRequests,
                title: "Too many failed sign-ins",
                detail: $"too many wrong API keys from this address; try again in {seconds} s").ExecuteAsync(context);
            return;
        }

        await next(context);
    });
}
