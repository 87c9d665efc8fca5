using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

namespace DemoShop.Tests.Orders;

public sealed class OrderTests : IDisposable
{
    private readonly string _storePath = Path.Combine(Path.GetTempPath(), "demoshop-tests-" + Guid.NewGuid().ToString("N"));

    [Fact]
    public async Task An_order_round_trips_through_post_and_get()
    {
        await using var shop = await ShopServer.StartAsync(new Dictionary<string, string?> { ["Shop:InstanceName"] = "app-1" });

        using var created = await shop.Client.PostAsJsonAsync("/orders", new { productId = 3, quantity = 2, userId = "u17" });

        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        Assert.Equal("app-1", created.Headers.GetValues("X-Shop-Instance").Single());
        var order = await created.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal($"/orders/{order.GetProperty("id").GetString()}", created.Headers.Location?.ToString());
        Assert.Equal(79.80m, order.GetProperty("total").GetDecimal());
        var read = await shop.Client.GetFromJsonAsync<JsonElement>(created.Headers.Location);
        Assert.Equal(order.GetProperty("id").GetString(), read.GetProperty("id").GetString());
        Assert.Equal("u17", read.GetProperty("userId").GetString());
    }

    [Theory]
    [InlineData("""{ "productId": 999, "quantity": 1, "userId": "u1" }""", "productId 999 does not exist")]
    [InlineData("""{ "productId": 1, "quantity": 0, "userId": "u1" }""", "quantity must be between 1 and 100")]
    [InlineData("""{ "productId": 1, "quantity": 1 }""", "userId is required")]
    [InlineData("""{ "productId": 1, """, "invalid JSON body")]
    public async Task Bad_orders_get_400_with_a_clear_message(string body, string expected)
    {
        await using var shop = await ShopServer.StartAsync(new Dictionary<string, string?>());

        using var response = await shop.Client.PostAsync(
            new Uri("/orders", UriKind.Relative), new StringContent(body, System.Text.Encoding.UTF8, "application/json"));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains(expected, await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Unknown_orders_and_products_are_404_and_the_catalog_has_twenty_products()
    {
        await using var shop = await ShopServer.StartAsync(new Dictionary<string, string?>());

        Assert.Equal(HttpStatusCode.NotFound, (await shop.Client.GetAsync(new Uri("/orders/" + new string('a', 32), UriKind.Relative))).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await shop.Client.GetAsync(new Uri("/products/999", UriKind.Relative))).StatusCode);
        Assert.Equal(20, (await shop.Client.GetFromJsonAsync<JsonElement>("/products")).GetArrayLength());
    }

    [Fact]
    public async Task File_store_orders_survive_the_instance_and_memory_store_orders_do_not()
    {
        var file = new Dictionary<string, string?> { ["Shop:OrderStore"] = "file", ["Shop:OrderStorePath"] = _storePath };
        Uri fileOrder, memoryOrder;
        await using (var first = await ShopServer.StartAsync(file))
        {
            fileOrder = (await first.Client.PostAsJsonAsync("/orders", new { productId = 1, quantity = 1, userId = "u1" })).Headers.Location!;
        }

        await using (var first = await ShopServer.StartAsync(new Dictionary<string, string?>()))
        {
            memoryOrder = (await first.Client.PostAsJsonAsync("/orders", new { productId = 1, quantity = 1, userId = "u1" })).Headers.Location!;
            Assert.Equal(HttpStatusCode.OK, (await first.Client.GetAsync(memoryOrder)).StatusCode);
        }

        await using var second = await ShopServer.StartAsync(file);
        await using var secondMemory = await ShopServer.StartAsync(new Dictionary<string, string?>());
        Assert.Equal(HttpStatusCode.OK, (await second.Client.GetAsync(fileOrder)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await secondMemory.Client.GetAsync(memoryOrder)).StatusCode);
        Assert.Single(Directory.GetFiles(_storePath, "*.json"));
    }

    public void Dispose()
    {
        if (Directory.Exists(_storePath))
        {
            Directory.Delete(_storePath, recursive: true);
        }
    }
}
