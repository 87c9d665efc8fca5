using System.Net;

namespace DemoShop.Tests.App;

/// <summary><c>GET /assets/{bytes}</c>: the download a bandwidth fault is measured with.</summary>
public sealed class AssetTests
{
    [Fact]
    public async Task An_asset_is_exactly_the_size_asked_for_and_the_size_is_bounded()
    {
        await using var app = await ShopServer.StartAsync(new Dictionary<string, string?>());

        var body = await app.Client.GetByteArrayAsync(new Uri("/assets/200001", UriKind.Relative));
        using var tooBig = await app.Client.GetAsync(new Uri($"/assets/{(64L << 20) + 1}", UriKind.Relative));

        Assert.Equal(200001, body.Length);
        Assert.NotEqual(body[1], body[2]);
        Assert.Equal(HttpStatusCode.BadRequest, tooBig.StatusCode);
    }
}
