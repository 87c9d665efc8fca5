using DrillRunner.Loading;
using DrillRunner.Model;
using DrillRunner.Testing;

namespace DrillRunner.Core.Tests.Loading;

/// <summary>{listen} and {host:SERVICE}: one environment file for processes on 127.0.0.1 and containers on a bridge.</summary>
public sealed class NetworkPlaceholderTests : IDisposable
{
    private readonly TempFolder _folder = new();

    public void Dispose() => _folder.Dispose();

    [Fact]
    public void Listen_and_host_resolve_to_the_loopback_for_processes_and_to_all_addresses_and_names_on_a_bridge()
    {
        var environment = EnvironmentLoader.Load(_folder.Write("shop.yaml", Shop("{host:app}")));
        var lb = environment.Services["lb"];

        var local = InstanceSettings.For(environment, lb, 1);
        var bridge = InstanceSettings.For(environment, lb, 1, network: InstanceNetwork.Bridge);

        Assert.Equal("http://127.0.0.1:19100", local["URLS"]);
        Assert.Equal("127.0.0.1", local["BACKEND_HOST"]);
        Assert.Equal("http://0.0.0.0:19100", bridge["URLS"]);
        Assert.Equal("app", bridge["BACKEND_HOST"]);
    }

    [Fact]
    public void A_host_placeholder_naming_no_service_is_refused_with_the_field_and_a_suggestion()
    {
        var error = Assert.Throws<DrillInputException>(() => EnvironmentLoader.Load(_folder.Write("shop.yaml", Shop("{host:ap}"))));

        var problem = Assert.Single(error.Problems);
        Assert.Equal("services.lb.settings.BACKEND_HOST", problem.Field);
        Assert.StartsWith("{host:ap} names no service of this environment", problem.Message, StringComparison.Ordinal);
        Assert.Contains("'app'", problem.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_tmpfs_that_is_not_an_absolute_path_or_too_big_is_refused()
    {
        var error = Assert.Throws<DrillInputException>(() => EnvironmentLoader.Load(_folder.Write("shop.yaml", Shop("{host:app}") + """

                tmpfs:
                  cache: 16MiB
                  /big: 3GiB
            """)));

        Assert.Contains(error.Problems, p => p.Field == "services.lb.tmpfs" && p.Message.Contains("'cache' must be an absolute path", StringComparison.Ordinal));
        Assert.Contains(error.Problems, p => p.Field == "services.lb.tmpfs./big" && p.Message.StartsWith("3GiB is not between 1MiB and 2GiB", StringComparison.Ordinal));
    }

    private static string Shop(string host) => $$"""
        name: placeholders
        driver: local
        services:
          app:
            instances: 2
            port: 19101
          lb:
            port: 19100
            settings:
              URLS: "http://{listen}:{port}"
              BACKEND_HOST: "{{host}}"
        """;
}
