using System.Globalization;
using System.Net;

namespace DemoShop.Lb;

/// <summary>
/// Parses <c>Shop:Backends</c>, <c>Shop:BackendPorts</c> and <c>Shop:BackendHost</c>: base URLs, and a port range on
/// one host (127.0.0.1 by default). A host that is a name, not an address, is resolved by the pool as it goes.
/// </summary>
internal static class BackendAddresses
{
    public static BackendAddressList Parse(string? backends, string? ports, string? host = null)
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

        var range = string.IsNullOrWhiteSpace(ports) ? [] : ParseRange(ports.Trim());
        var on = string.IsNullOrWhiteSpace(host) ? "127.0.0.1" : host.Trim();
        if (Uri.CheckHostName(on) == UriHostNameType.Unknown)
        {
            throw new InvalidOperationException($"Shop:BackendHost: '{on}' is not a host name or address.");
        }

        if (IPAddress.TryParse(on, out _) || range.Count == 0)
        {
            result.AddRange(range.Select(p => new Uri(string.Create(CultureInfo.InvariantCulture, $"http://{on}:{p}/"))));
            return new BackendAddressList([.. result.DistinctBy(u => u.GetLeftPart(UriPartial.Authority))], null, []);
        }

        return new BackendAddressList([.. result.DistinctBy(u => u.GetLeftPart(UriPartial.Authority))], on, range);
    }

    private static List<int> ParseRange(string range)
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

        return [.. Enumerable.Range(first, last - first + 1)];
    }
}

/// <summary>Fixed backend URLs, and a host name to follow on a port range (null: none).</summary>
internal sealed record BackendAddressList(IReadOnlyList<Uri> Fixed, string? DiscoveredHost, IReadOnlyList<int> DiscoveredPorts);
