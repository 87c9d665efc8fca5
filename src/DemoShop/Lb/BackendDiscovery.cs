using System.Globalization;
using System.Net;
using System.Net.Sockets;

namespace DemoShop.Lb;

/// <summary>
/// Backends behind a host name that resolves to one address per instance (Docker's network alias of a service): every
/// address is tried on each port of the range until one answers healthy, then only that port is kept for it. An
/// address the name no longer resolves to (a stopped instance) leaves the pool; a name that does not resolve at all
/// keeps the pool as it is (its backends fail their checks).
/// </summary>
internal sealed class BackendDiscovery(string host, IReadOnlyList<int> ports)
{
    public async Task<IReadOnlyList<Backend>> RefreshAsync(IReadOnlyList<Backend> current, CancellationToken cancellationToken)
    {
        IPAddress[] addresses;
        try
        {
            addresses = await Dns.GetHostAddressesAsync(host, AddressFamily.InterNetwork, cancellationToken);
        }
        catch (SocketException)
        {
            return current;
        }

        var byAddress = current.ToLookup(b => b.BaseAddress.Host, StringComparer.Ordinal);
        var next = new List<Backend>();
        foreach (var address in addresses.Select(a => a.ToString()).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal))
        {
            var known = byAddress[address].ToList();
            var healthy = known.Where(b => b.Healthy).ToList();
            if (healthy.Count > 0)
            {
                next.AddRange(healthy);
                continue;
            }

            foreach (var port in ports)
            {
                var url = new Uri(string.Create(CultureInfo.InvariantCulture, $"http://{address}:{port}/"));
                next.Add(known.FirstOrDefault(b => b.BaseAddress == url) ?? new Backend(url));
            }
        }

        return next;
    }
}
