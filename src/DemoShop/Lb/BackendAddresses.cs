using System.Globalization;

namespace DemoShop.Lb;

/// <summary>Parses <c>Shop:Backends</c> and <c>Shop:BackendPorts</c> into base addresses.</summary>
internal static class BackendAddresses
{
    public static IReadOnlyList<Uri> Parse(string? backends, string? ports)
    {
        var result = new List<Uri>();
        foreach (var item in (backends ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            if (!Uri.TryCreate(item, UriKind.Absolute, out var uri) || uri.Scheme is not ("http" or "https"))
            {
                throw new InvalidOperationException($"Shop:Backends: '{item}' is not an http(s) base URL.");
            }

            result.Add(uri);
        }

        if (!string.IsNullOrWhiteSpace(ports))
        {
            var (first, last) = ParseRange(ports.Trim());
            for (var port = first; port <= last; port++)
            {
                result.Add(new Uri(string.Create(CultureInfo.InvariantCulture, $"http://127.0.0.1:{port}/")));
            }
        }

        return [.. result.DistinctBy(u => u.GetLeftPart(UriPartial.Authority))];
    }

    private static (int First, int Last) ParseRange(string range)
    {
        var parts = range.Split('-', StringSplitOptions.TrimEntries);
        if (parts.Length is < 1 or > 2
            || !int.TryParse(parts[0], CultureInfo.InvariantCulture, out var first)
            || !int.TryParse(parts[^1], CultureInfo.InvariantCulture, out var last)
            || first is < 1 or > 65535 || last < first || last > 65535 || last - first > 1000)
        {
            throw new InvalidOperationException(
                $"Shop:BackendPorts: '{range}' is not a port or a range like 18081-18090 (at most 1000 ports).");
        }

        return (first, last);
    }
}
