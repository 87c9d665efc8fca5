using Docker.DotNet;
using Docker.DotNet.Models;
using DrillRunner.Docker.Tests.Infrastructure;
using DrillRunner.Drivers;
using DrillRunner.Drivers.Capabilities;
using DrillRunner.Model;
using DrillRunner.Testing;
using DrillRunner.Testing.Drivers;
using ServiceSpec = DrillRunner.Model.ServiceSpec;

namespace DrillRunner.Docker.Tests.Containers;

[Collection(DockerCollection.Name)]
public sealed class SelectorTests(DemoShopImage image)
{
    [DockerFact]
    public async Task A_selector_adopts_existing_containers_which_down_leaves_alone()
    {
        using var client = new DockerClientConfiguration().CreateClient();
        var tag = Guid.NewGuid().ToString("N")[..10];
        var adopted = await StartAsync(client, $"legacy-{tag}", new() { ["drillrunner.test.adopt"] = tag });
        var stranger = await StartAsync(client, $"stranger-{tag}", []);
        try
        {
            var spec = new EnvironmentSpec
            {
                Name = "sel" + tag,
                Services = new Dictionary<string, ServiceSpec>
                {
                    ["legacy"] = new() { Name = "legacy", Selector = new SelectorSpec { Label = $"drillrunner.test.adopt={tag}", NamePattern = "^legacy-" } },
                },
            };
            var driver = new DockerDriverFactory().Create(spec, TimeProvider.System);
            await using (driver)
            {
                var instances = await driver.ListInstancesAsync("legacy", CancellationToken.None);
                Assert.Equal([$"legacy-{tag}"], instances.Select(i => i.Id));

                await driver.Require<IInstanceLifecycle>().KillAsync($"legacy-{tag}", "SIGKILL", CancellationToken.None);
                await driver.WaitForStateAsync($"legacy-{tag}", InstanceState.Exited, TimeSpan.FromSeconds(30), TimeProvider.System, CancellationToken.None);
                var refused = await Assert.ThrowsAsync<DriverException>(() => driver.Require<IInstanceLifecycle>().KillAsync($"stranger-{tag}", "SIGKILL", CancellationToken.None));
                Assert.Contains("not part of environment", refused.Message, StringComparison.Ordinal);
                await Assert.ThrowsAsync<DriverException>(() => driver.Require<IServiceScaling>().ScaleAsync("legacy", 2, CancellationToken.None));

                await driver.DownAsync(new Progress<string>(), CancellationToken.None);

                Assert.Equal("exited", (await client.Containers.InspectContainerAsync(adopted, CancellationToken.None)).State.Status);
                Assert.True((await client.Containers.InspectContainerAsync(stranger, CancellationToken.None)).State.Running);
            }
        }
        finally
        {
            await client.Containers.RemoveContainerAsync(adopted, new ContainerRemoveParameters { Force = true }, CancellationToken.None);
            await client.Containers.RemoveContainerAsync(stranger, new ContainerRemoveParameters { Force = true }, CancellationToken.None);
        }
    }

    private async Task<string> StartAsync(DockerClient client, string name, Dictionary<string, string> labels)
    {
        var created = await client.Containers.CreateContainerAsync(
            new CreateContainerParameters
            {
                Name = name,
                Image = image.Reference,
                Labels = labels,
                Env = [$"ASPNETCORE_URLS=http://127.0.0.1:{FreePorts.FindRange(1)}"],
                HostConfig = new HostConfig { NetworkMode = "host" },
            },
            CancellationToken.None);
        await client.Containers.StartContainerAsync(created.ID, new ContainerStartParameters(), CancellationToken.None);
        return created.ID;
    }
}
