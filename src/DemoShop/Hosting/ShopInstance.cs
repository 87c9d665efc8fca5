using System.Globalization;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.Options;

namespace DemoShop.Hosting;

/// <summary>The name this instance answers with: <c>Shop:InstanceName</c>, else machine name and port.</summary>
internal sealed class ShopInstance(IOptions<ShopOptions> options, IServer server)
{
    private string? _name;

    // Resolved on first use, because the port is only known once Kestrel has bound.
    public string Name => _name ??= options.Value.InstanceName is { Length: > 0 } name ? name : Default();

    private string Default()
    {
        var address = server.Features.Get<IServerAddressesFeature>()?.Addresses.FirstOrDefault();
        var port = address is null ? "0" : new Uri(address).Port.ToString(CultureInfo.InvariantCulture);
        return $"{Environment.MachineName}:{port}";
    }
}
