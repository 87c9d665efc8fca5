using System.Text.Json;
using Microsoft.AspNetCore.Http;

namespace DrillRunner.Chaos.Endpoints;

/// <summary>Reads a JSON body by hand so a malformed one gets a message saying what is wrong.</summary>
internal static class JsonBody
{
    private static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web);

    public static async Task<(T? Value, IResult? Error)> ReadAsync<T>(HttpRequest request)
        where T : class
    {
        try
        {
            var value = await JsonSerializer.DeserializeAsync<T>(request.Body, Options, request.HttpContext.RequestAborted);
            return value is null ? (null, BadRequest("a JSON body is required.")) : (value, null);
        }
        catch (JsonException ex)
        {
            return (null, BadRequest($"invalid JSON body: {ex.Message}"));
        }
    }

    public static IResult BadRequest(string message) =>
        Results.Problem(message, statusCode: StatusCodes.Status400BadRequest, title: "invalid chaos request");
}
