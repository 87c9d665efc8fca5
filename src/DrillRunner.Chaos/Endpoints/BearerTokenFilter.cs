using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.Http;

namespace DrillRunner.Chaos.Endpoints;

/// <summary>Lets a control call through only with the shared bearer token.</summary>
internal sealed class BearerTokenFilter(string token) : IEndpointFilter
{
    private const string Scheme = "Bearer ";

    // Hashing both sides first makes the comparison constant-time in the length too.
    private readonly byte[] _expected = SHA256.HashData(Encoding.UTF8.GetBytes(token));

    public ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        string header = context.HttpContext.Request.Headers.Authorization.ToString();
        var presented = header.StartsWith(Scheme, StringComparison.OrdinalIgnoreCase) ? header[Scheme.Length..].Trim() : "";
        var actual = SHA256.HashData(Encoding.UTF8.GetBytes(presented));
        return CryptographicOperations.FixedTimeEquals(actual, _expected)
            ? next(context)
            : ValueTask.FromResult<object?>(Results.Problem(
                "missing or wrong bearer token", statusCode: StatusCodes.Status401Unauthorized));
    }
}
