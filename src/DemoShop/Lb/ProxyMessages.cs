namespace DemoShop.Lb;

/// <summary>Copies requests and responses between Kestrel and HttpClient, minus hop-by-hop headers.</summary>
internal static class ProxyMessages
{
    private static readonly HashSet<string> HopByHop = new(StringComparer.OrdinalIgnoreCase)
    {
        "Connection", "Keep-Alive", "Proxy-Authenticate", "Proxy-Authorization", "TE", "Trailer",
        "Transfer-Encoding", "Upgrade", "Host",
    };

    public static HttpRequestMessage CreateRequest(HttpRequest source, Uri backend, byte[]? body)
    {
        var target = new Uri(backend, source.Path.Value + source.QueryString.Value);
        var request = new HttpRequestMessage(new HttpMethod(source.Method), target);
        if (body is not null)
        {
            request.Content = new ByteArrayContent(body);
        }

        foreach (var (name, values) in source.Headers)
        {
            if (HopByHop.Contains(name) || name.Equals("Content-Length", StringComparison.OrdinalIgnoreCase))
            {
                continue;
            }

            if (!request.Headers.TryAddWithoutValidation(name, (IEnumerable<string?>)values))
            {
                request.Content?.Headers.TryAddWithoutValidation(name, (IEnumerable<string?>)values);
            }
        }

        return request;
    }

    public static async Task CopyResponseAsync(HttpResponseMessage source, HttpResponse target, CancellationToken cancellationToken)
    {
        target.StatusCode = (int)source.StatusCode;
        foreach (var (name, values) in source.Headers.Concat(source.Content.Headers))
        {
            if (!HopByHop.Contains(name))
            {
                target.Headers[name] = values.ToArray();
            }
        }

        await source.Content.CopyToAsync(target.Body, cancellationToken);
    }
}
