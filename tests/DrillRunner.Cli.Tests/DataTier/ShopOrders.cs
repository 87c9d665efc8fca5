using System.Net;
using System.Text;
using System.Text.Json;

namespace DrillRunner.Cli.Tests.DataTier;

/// <summary>Orders through the shop of a restore test's environment: one written before a disaster, read back after.</summary>
internal static class ShopOrders
{
    // A precondition, not what is tested: the tests share one cluster, and the one before may have left it settling
    // (a replica rejoining, the app servers' pools reconnecting), so wait until it is healthy and takes a write.
    public static async Task<string> WriteAsync(Uri shop, int[] restPorts, string user)
    {
        Assert.Null(await PatroniCluster.WaitHealthyAsync(TimeSpan.FromSeconds(60), restPorts));
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(5) };
        var start = TimeProvider.System.GetTimestamp();
        HttpResponseMessage response;
        while (true)
        {
            using var body = new StringContent($$"""{"productId": 1, "quantity": 1, "userId": "{{user}}"}""", Encoding.UTF8, "application/json");
            response = await http.PostAsync(new Uri(shop, "/orders"), body);
            if (response.StatusCode != HttpStatusCode.ServiceUnavailable || TimeProvider.System.GetElapsedTime(start) > TimeSpan.FromSeconds(30))
            {
                break;
            }

            response.Dispose();
            await Task.Delay(TimeSpan.FromMilliseconds(500), TimeProvider.System);
        }

        using var answered = response;
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        return json.RootElement.GetProperty("id").GetString()!;
    }

    public static async Task<bool> ReadAsync(Uri shop, string id)
    {
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(5) };
        for (var attempt = 0; attempt < 20; attempt++)
        {
            using var response = await http.GetAsync(new Uri(shop, "/orders/" + id));
            if (response.IsSuccessStatusCode)
            {
                return true;
            }

            if (response.StatusCode == HttpStatusCode.NotFound)
            {
                return false;
            }

            await Task.Delay(TimeSpan.FromSeconds(1), TimeProvider.System);
        }

        return false;
    }
}
