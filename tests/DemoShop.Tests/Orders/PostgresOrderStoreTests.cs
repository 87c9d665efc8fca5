using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using DrillRunner.Testing.Postgres;

namespace DemoShop.Tests.Orders;

/// <summary>The <c>postgres</c> order store against the real test PostgreSQL server.</summary>
public sealed class PostgresOrderStoreTests
{
    private static readonly object Order = new { productId = 2, quantity = 3, userId = "u42" };

    [PostgresFact]
    public async Task The_table_is_created_at_start_and_an_order_is_committed_before_its_201()
    {
        await using var db = await ShopDatabase.CreateAsync();
        await using var shop = await ShopServer.StartAsync(db.Settings());

        Assert.Equal("shop_orders", await db.ScalarAsync<string>("SELECT to_regclass('shop_orders')::text"));
        for (var i = 0; i < 5; i++)
        {
            using var created = await shop.Client.PostAsJsonAsync("/orders", Order);
            Assert.Equal(HttpStatusCode.Created, created.StatusCode);
            var id = (await created.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetString();
            // Another session sees it the moment the client has its acknowledgement: it was committed, not queued.
            Assert.Equal(1L, await db.ScalarAsync<long>($"SELECT count(*) FROM shop_orders WHERE id = '{id}' AND user_id = 'u42' AND quantity = 3"));
        }
    }

    [PostgresFact]
    public async Task An_order_written_through_one_instance_is_read_back_through_another_after_the_first_is_gone()
    {
        await using var db = await ShopDatabase.CreateAsync();
        Uri location;
        await using (var first = await ShopServer.StartAsync(db.Settings()))
        {
            using var created = await first.Client.PostAsJsonAsync("/orders", Order);
            location = created.Headers.Location!;
        }

        await using var second = await ShopServer.StartAsync(db.Settings());
        var order = await second.Client.GetFromJsonAsync<JsonElement>(location);

        Assert.Equal("u42", order.GetProperty("userId").GetString());
        Assert.Equal(3, order.GetProperty("quantity").GetInt32());
        Assert.Equal(HttpStatusCode.NotFound, (await second.Client.GetAsync(new Uri("/orders/" + new string('b', 32), UriKind.Relative))).StatusCode);
    }

    [PostgresFact]
    public async Task When_the_server_ends_every_session_one_request_fails_fast_with_503_and_the_rest_reconnect()
    {
        await using var db = await ShopDatabase.CreateAsync();
        await using var shop = await ShopServer.StartAsync(db.Settings());
        // Fill the pool with several idle connections, each of which goes stale at once.
        await Task.WhenAll(Enumerable.Range(0, 8).Select(_ => shop.Client.PostAsJsonAsync("/orders", Order)));
        Assert.True(await db.TerminateShopSessionsAsync() >= 2, "expected several pooled sessions to end");

        var results = new List<(HttpStatusCode Status, TimeSpan Took)>();
        for (var i = 0; i < 10; i++)
        {
            var stopwatch = Stopwatch.StartNew();
            using var response = await shop.Client.PostAsJsonAsync("/orders", Order);
            results.Add((response.StatusCode, stopwatch.Elapsed));
        }

        // Npgsql finds the other stale connections broken when it hands them out (the server's goodbye is waiting
        // on their sockets) and opens fresh ones; the shop must not add failures of its own (no retry storm, no hang).
        var failed = results.Where(r => r.Status != HttpStatusCode.Created).ToList();
        Assert.True(failed.Count <= 1, string.Join(", ", results));
        Assert.All(failed, f => Assert.Equal(HttpStatusCode.ServiceUnavailable, f.Status));
        Assert.All(failed, f => Assert.True(f.Took < TimeSpan.FromSeconds(2), $"a failed write took {f.Took}"));
        Assert.All(results.Skip(1), r => Assert.Equal(HttpStatusCode.Created, r.Status));
    }

    [PostgresFact]
    public async Task A_multi_host_connection_string_skips_a_host_that_is_down_and_finds_the_read_write_one()
    {
        await using var db = await ShopDatabase.CreateAsync();
        var server = new Npgsql.NpgsqlConnectionStringBuilder(TestPostgres.ConnectionString);
        var multiHost = new Npgsql.NpgsqlConnectionStringBuilder(db.ConnectionString)
        {
            Host = $"127.0.0.1:{FreePort.Next()},{server.Host}:{server.Port}",
            TargetSessionAttributes = "read-write",
        };
        await using var shop = await ShopServer.StartAsync(db.Settings(multiHost.ConnectionString));

        using var created = await shop.Client.PostAsJsonAsync("/orders", Order);

        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await shop.Client.GetAsync(created.Headers.Location)).StatusCode);
    }

    [PostgresFact]
    public async Task A_multi_host_connection_string_gets_past_a_hung_host_within_the_request_timeout()
    {
        await using var db = await ShopDatabase.CreateAsync();
        using var hung = new HungServer();
        var server = new Npgsql.NpgsqlConnectionStringBuilder(TestPostgres.ConnectionString);
        var multiHost = new Npgsql.NpgsqlConnectionStringBuilder(db.ConnectionString)
        {
            Host = $"127.0.0.1:{hung.Port},{server.Host}:{server.Port}",
            TargetSessionAttributes = "primary",
        };
        await using var shop = await ShopServer.StartAsync(db.Settings(multiHost.ConnectionString));
        using (await shop.Client.PostAsJsonAsync("/orders", Order))
        {
        }

        // Once the hung host's offline mark has expired (Host Recheck Seconds), a request that needs a new connection
        // tries the hung host first again: it must give up on it in time to reach the good one.
        await Task.Delay(TimeSpan.FromSeconds(1.5), TimeProvider.System);
        var triedBefore = hung.Accepted;
        var results = await Task.WhenAll(Enumerable.Range(0, 4).Select(async _ =>
        {
            var stopwatch = Stopwatch.StartNew();
            using var response = await shop.Client.PostAsJsonAsync("/orders", Order);
            return (response.StatusCode, stopwatch.Elapsed);
        }));

        Assert.True(hung.Accepted > triedBefore, "the hung host was not tried again");
        Assert.All(results, r => Assert.Equal(HttpStatusCode.Created, r.StatusCode));
        Assert.All(results, r => Assert.True(r.Elapsed < TimeSpan.FromSeconds(2), string.Join(", ", results)));
    }

    [PostgresFact]
    public async Task A_read_only_server_such_as_a_demoted_primary_gets_503_naming_the_reason()
    {
        await using var db = await ShopDatabase.CreateAsync();
        await using var shop = await ShopServer.StartAsync(db.Settings());
        await db.ExecuteAsync($"ALTER DATABASE {await db.ScalarAsync<string>("SELECT current_database()")} SET default_transaction_read_only = on");
        await db.TerminateShopSessionsAsync();

        var statuses = new List<HttpStatusCode>();
        string body = "";
        for (var i = 0; i < 3; i++)
        {
            using var response = await shop.Client.PostAsJsonAsync("/orders", Order);
            statuses.Add(response.StatusCode);
            body = await response.Content.ReadAsStringAsync();
        }

        Assert.All(statuses, s => Assert.Equal(HttpStatusCode.ServiceUnavailable, s));
        Assert.Contains("read-only", body, StringComparison.Ordinal);
        Assert.Equal(0L, await db.ScalarAsync<long>("SELECT count(*) FROM shop_orders"));
    }

    [PostgresFact]
    public async Task Synchronous_commit_is_a_live_setting_that_the_server_applies_to_the_next_order()
    {
        await using var db = await ShopDatabase.CreateAsync();
        await using var shop = await ShopServer.StartAsync(db.Settings());
        await shop.Client.PostAsJsonAsync("/orders", Order);

        using var put = await shop.ControlAsync(HttpMethod.Put, "/_chaos/settings", new
        {
            settings = new Dictionary<string, string> { ["Shop:PostgresSynchronousCommit"] = "off" },
            leaseSeconds = 60,
        });
        Assert.Equal(HttpStatusCode.OK, put.StatusCode);
        await shop.Client.PostAsJsonAsync("/orders", Order);
        using var bad = await shop.ControlAsync(HttpMethod.Put, "/_chaos/settings", new
        {
            settings = new Dictionary<string, string> { ["Shop:PostgresSynchronousCommit"] = "sometimes" },
            leaseSeconds = 60,
        });

        // The durability label is what PostgreSQL reported inside each order's own transaction.
        var metrics = await shop.Client.GetStringAsync(new Uri("/metrics", UriKind.Relative));
        Assert.Contains("shop_order_writes_total{store=\"postgres\",durability=\"synchronous_commit=on\"} 1", metrics, StringComparison.Ordinal);
        Assert.Contains("shop_order_writes_total{store=\"postgres\",durability=\"synchronous_commit=off\"} 1", metrics, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
    }

    [Fact]
    public async Task Without_a_connection_string_orders_get_503_naming_the_setting()
    {
        await using var shop = await ShopServer.StartAsync(new Dictionary<string, string?> { ["Shop:OrderStore"] = "postgres" });

        using var response = await shop.Client.PostAsJsonAsync("/orders", Order);

        Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
        Assert.Contains("Shop:PostgresConnectionString is not set", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }
}
