using DrillRunner.Loading;
using DrillRunner.Testing;

namespace DrillRunner.Core.Tests.Loading;

/// <summary><c>init: true</c>: docker-init as a container's PID 1, so <c>crash</c> works on a remote engine.</summary>
public sealed class InitFieldTests : IDisposable
{
    private readonly TempFolder _folder = new();

    public void Dispose() => _folder.Dispose();

    [Fact]
    public void Init_loads_for_a_service_the_docker_driver_creates()
    {
        var environment = EnvironmentLoader.Load(_folder.Write("shop.yaml", Environment("docker", "image: shop:1")));

        Assert.True(environment.Services["app"].Init);
    }

    [Fact]
    public void Init_on_the_local_driver_or_on_adopted_containers_is_refused_with_the_field()
    {
        var local = Assert.Throws<DrillInputException>(() => EnvironmentLoader.Load(_folder.Write("local.yaml", Environment("local", "command: ./app"))));
        var adopted = Assert.Throws<DrillInputException>(() => EnvironmentLoader.Load(_folder.Write("adopted.yaml", Environment("docker", "selector: { label: \"com.docker.compose.service=app\" }"))));

        var problem = Assert.Single(local.Problems);
        Assert.Equal("services.app.init", problem.Field);
        Assert.Contains("the local driver", problem.Message, StringComparison.Ordinal);
        Assert.Contains(adopted.Problems, p => p.Field == "services.app.init" && p.Message.Contains("compose init: true", StringComparison.Ordinal));
    }

    private static string Environment(string driver, string how) => $"""
        name: init-test
        driver: {driver}
        services:
          app:
            {how}
            port: 19301
            init: true
        """;
}
