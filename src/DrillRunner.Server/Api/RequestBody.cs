using System.Text.Json;
using Microsoft.AspNetCore.Http;

namespace DrillRunner.Api;

/// <summary>Reads an optional JSON body, turning malformed input into a 400 problem that says what is wrong.</summary>
internal static class RequestBody
{
    public static async Task<(T? Body, IResult? Error)> ReadAsync<T>(HttpRequest request, JsonSerializerOptions options)
        where T : class, new()
    {
        if (request.ContentLength == 0)
        {
            return (new T(), null);
        }

        if (request.ContentLength is null && !request.Headers.ContainsKey("Transfer-Encoding"))
        {
            return (new T(), null);
        }

        if (!request.HasJsonContentType())
        {
            return (null, Results.Problem(statusCode: 400, title: "Malformed request body", detail: $"the body must be JSON (Content-Type: application/json), not '{request.ContentType}'"));
        }

        try
        {
            return (await JsonSerializer.DeserializeAsync<T>(request.Body, options, request.HttpContext.RequestAborted) ?? new T(), null);
        }
        catch (JsonException ex)
        {
            return (null, Results.Problem(statusCode: 400, title: "Malformed request body", detail: $"the JSON body could not be read: {ex.Message}"));
        }
    }
}
