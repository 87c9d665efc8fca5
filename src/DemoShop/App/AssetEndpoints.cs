namespace DemoShop.App;

/// <summary><c>GET /assets/{bytes}</c>: a static download of that size (at most 64 MiB), outside the request limiter.</summary>
internal static class AssetEndpoints
{
    private const long MaxBytes = 64L << 20;
    private static readonly byte[] Chunk = [.. Enumerable.Range(0, 64 * 1024).Select(i => (byte)(i * 31))];

    public static void MapAssets(this IEndpointRouteBuilder app) =>
        app.MapGet("/assets/{bytes:long}", async (long bytes, HttpContext http) =>
        {
            if (bytes is < 0 or > MaxBytes)
            {
                http.Response.StatusCode = StatusCodes.Status400BadRequest;
                await http.Response.WriteAsync("size must be between 0 and 64 MiB", http.RequestAborted);
                return;
            }

            http.Response.ContentType = "application/octet-stream";
            http.Response.ContentLength = bytes;
            for (long sent = 0; sent < bytes; sent += Chunk.Length)
            {
                await http.Response.Body.WriteAsync(Chunk.AsMemory(0, (int)Math.Min(Chunk.Length, bytes - sent)), http.RequestAborted);
            }
        });
}
