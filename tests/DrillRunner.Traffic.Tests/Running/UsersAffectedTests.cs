using DrillRunner.Traffic.Tests.Support;

namespace DrillRunner.Traffic.Tests.Running;

public sealed class UsersAffectedTests
{
    [Fact]
    public async Task Users_whose_requests_fail_are_counted_as_affected_out_of_all_users_who_sent()
    {
        await using var server = await TestServer.StartAsync(context =>
        {
            var user = context.Request.Headers["X-User-Id"].ToString();
            context.Response.StatusCode = user is "u3" or "u7" ? 500 : user.StartsWith('u') ? 200 : 400;
            return Task.CompletedTask;
        });
        var plan = new LoadPlan
        {
            Target = server.BaseUri,
            AllowedHosts = ["127.0.0.1"],
            Users = 10,
            Connections = 4,
            MaxRequests = 200,
            Duration = TimeSpan.FromSeconds(20),
        };

        var result = await LoadGenerator.RunAsync(plan, null, TimeProvider.System, CancellationToken.None);

        Assert.Equal(10, result.UsersActive);
        Assert.Equal(2, result.UsersAffected);
        Assert.Equal(40, result.Total.Failed.Status5xx);
        Assert.Equal(160, result.Total.Ok);
        Assert.Equal(0, result.Total.Failed.Status4xx);
    }

    [Fact]
    public async Task A_closed_port_counts_connect_errors_and_affects_every_user()
    {
        var target = new Uri($"http://127.0.0.1:{FreePort.Find()}/");
        var plan = Plans.For(target, ArrivalProfile.Constant(50, TimeSpan.FromSeconds(1)));

        var result = await LoadGenerator.RunAsync(plan, null, TimeProvider.System, CancellationToken.None);

        Assert.Equal(50, result.Total.Planned);
        Assert.Equal(50, result.Total.Failed.ConnectError);
        Assert.Equal(0, result.Total.Sent);
        Assert.Equal(result.UsersActive, result.UsersAffected);
        Assert.Equal(0, result.Total.Latency.Count);
    }
}
