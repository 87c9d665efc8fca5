using System.Net;

namespace DrillRunner.Traffic.Http;

/// <summary>Where connections go: the resolved address, and the TLS settings when the target is HTTPS.</summary>
internal sealed record TargetEndpoint(IPEndPoint Address, string Host, bool Tls, bool Insecure)
{
    public static async Task<TargetEndpoint> ResolveAsync(Uri target, bool insecure, CancellationToken cancellationToken)
    {
        var host = target.IdnHost;
        var address = IPAddress.TryParse(host, out var literal)
            ? literal
            : (await Dns.GetHostAddressesAsync(host, cancellationToken))
                .OrderBy(a => a.AddressFamily == System.Net.Sockets.AddressFamily.InterNetwork ? 0 : 1)
                .First();
        var tls = string.Equals(target.Scheme, Uri.UriSchemeHttps, StringComparison.OrdinalIgnoreCase);
        return new TargetEndpoint(new IPEndPoint(address, target.Port), host, tls, insecure);
    }
}
