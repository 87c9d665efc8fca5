using System.Text;

namespace DrillRunner.Probes.Canary;

/// <summary>The canary's requests, built from its templates, and bounded reads of what comes back.</summary>
internal static class CanaryHttp
{
    // An acknowledgement or a read-back is one record; more than this is not an answer to check.
    private const int MaxBodyChars = 1 << 20;

    public static HttpRequestMessage Request(
        string method, string url, string? body, string contentType, IReadOnlyDictionary<string, string> headers, Func<bool, IReadOnlyDictionary<string, string>> values)
    {
        var request = new HttpRequestMessage(new HttpMethod(method), CanaryTemplate.Render(url, values(true)));
        var plain = values(false);
        if (body is not null)
        {
            request.Content = new StringContent(CanaryTemplate.Render(body, plain), Encoding.UTF8, contentType);
        }

        foreach (var (name, value) in headers)
        {
            var text = CanaryTemplate.Render(value, plain);
            if (!request.Headers.TryAddWithoutValidation(name, text))
            {
                request.Content?.Headers.Remove(name);
                request.Content?.Headers.TryAddWithoutValidation(name, text);
            }
        }

        return request;
    }

    public static async Task<string> ReadBodyAsync(HttpResponseMessage response, CancellationToken cancellationToken)
    {
        await using var stream = await response.Content.ReadAsStreamAsync(cancellationToken);
        using var reader = new StreamReader(stream, Encoding.UTF8);
        var text = new StringBuilder();
        var chunk = new char[4096];
        int count;
        while (text.Length < MaxBodyChars && (count = await reader.ReadAsync(chunk.AsMemory(), cancellationToken)) > 0)
        {
            text.Append(chunk, 0, count);
        }

        return text.ToString();
    }
}
