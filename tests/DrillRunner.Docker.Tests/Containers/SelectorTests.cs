using Docker.DotNet;
using Docker.DotNet.Models;
using DrillRunner.Docker.Tests.Infrastructure;
using DrillRunner.Drivers;
using DrillRunner.Drivers.Capabilities;
using DrillRunner.Loading;
using DrillRunner.Model;
using DrillRunner.Testing;
using DrillRunner.Testing.Drivers;
using ServiceSpec = DrillRunner.Model.ServiceSpec;

namespace DrillRunner.Docker.Tests.Containers;

/// <summary>
/// Adopting containers by selector, and never touching a container the selector does not match: checked when the
/// driver acts (by container id, after looking again), and against every other environment file beside this one.
/// </summary>
[Collection(DockerCollection.Name)]
public sealed class SelectorTests(DemoShopImage image) : IDisposable
{
    private readonly DockerClient _client = new DockerClientConfiguration().CreateClient();
    private readonly List<string> _containers = [];
    private readonly string _tag = Guid.NewGuid().ToString("N")[..10];
    private readonly TempFolder _folder = new();

    public void Dispose()
    {
        foreach (var id in _containers)
        {
            try
            {
                _client.Containers.RemoveContainerAsync(id, new ContainerRemoveParameters { Force = true }, CancellationToken.None).GetAwaiter().GetResult();
            }
            catch (DockerContainerNotFoundException)
            {
                // Already gone.
            }
        }

        _client.Dispose();
        _folder.Dispose();
    }

    [DockerFact]
    public async Task A_selector_adopts_existing_containers_which_down_leaves_alone()
    {
        var adopted = await StartAsync($"legacy-{_tag}", new() { ["drillrunner.test.adopt"] = _tag });
        var stranger = await StartAsync($"stranger-{_tag}", []);
        var spec = Adopting($"drillrunner.test.adopt={_tag}", $"^legacy-{_tag}$");
        var driver = new DockerDriverFactory().Create(spec, TimeProvider.System);
        await using (driver)
        {
            var instances = await driver.ListInstancesAsync("legacy", CancellationToken.None);
            Assert.Equal([$"legacy-{_tag}"], instances.Select(i => i.Id));

            await driver.Require<IInstanceLifecycle>().KillAsync($"legacy-{_tag}", "SIGKILL", CancellationToken.None);
            await driver.WaitForStateAsync($"legacy-{_tag}", InstanceState.Exited, TimeSpan.FromSeconds(30), TimeProvider.System, CancellationToken.None);
            var refused = await Assert.ThrowsAsync<DriverException>(() => driver.Require<IInstanceLifecycle>().KillAsync($"stranger-{_tag}", "SIGKILL", CancellationToken.None));
            Assert.Contains("not part of environment", refused.Message, StringComparison.Ordinal);
            await Assert.ThrowsAsync<DriverException>(() => driver.Require<IServiceScaling>().ScaleAsync("legacy", 2, CancellationToken.None));

            await driver.DownAsync(new Progress<string>(), CancellationToken.None);

            Assert.Equal("exited", (await _client.Containers.InspectContainerAsync(adopted, CancellationToken.None)).State.Status);
            Assert.True((await _client.Containers.InspectContainerAsync(stranger, CancellationToken.None)).State.Running);
        }
    }

    [DockerFact]
    public async Task A_container_replaced_after_targets_were_picked_is_refused_at_injection()
    {
        var name = $"legacy-{_tag}";
        var original = await StartAsync(name, new() { ["drillrunner.test.adopt"] = _tag });
        var driver = new DockerDriverFactory().Create(Adopting($"drillrunner.test.adopt={_tag}", null), TimeProvider.System);
        await using (driver)
        {
            Assert.Equal([name], (await driver.ListInstancesAsync("legacy", CancellationToken.None)).Select(i => i.Id));

            // Between picking and injecting, someone else's container takes the name.
            await _client.Containers.RemoveContainerAsync(original, new ContainerRemoveParameters { Force = true }, CancellationToken.None);
            var impostor = await StartAsync(name, []);

            var refused = await Assert.ThrowsAsync<DriverException>(() => driver.Require<IInstanceLifecycle>().PauseAsync(name, CancellationToken.None));
            Assert.Contains("not part of environment", refused.Message, StringComparison.Ordinal);
            var state = (await _client.Containers.InspectContainerAsync(impostor, CancellationToken.None)).State;
            Assert.True(state.Running && !state.Paused);
        }
    }

    [DockerFact]
    public async Task A_container_created_for_another_environment_is_never_adopted()
    {
        var name = $"other-app-{_tag}";
        var owned = await StartAsync(name, new() { ["drillrunner.test.adopt"] = _tag, ["com.drillrunner.env"] = "other-" + _tag, ["com.drillrunner.service"] = "app" });
        var driver = new DockerDriverFactory().Create(Adopting($"drillrunner.test.adopt={_tag}", null), TimeProvider.System);
        await using (driver)
        {
            Assert.Empty(await driver.ListInstancesAsync("legacy", CancellationToken.None));
            var conflicts = await driver.Require<IInstanceClaims>().FindConflictsAsync(CancellationToken.None);
            Assert.Contains(conflicts, p => p.Field == "services.legacy.selector" && p.Message.Contains($"created for environment 'other-{_tag}'", StringComparison.Ordinal));

            await Assert.ThrowsAsync<DrillInputException>(() => driver.Require<IInstanceLifecycle>().KillAsync(name, "SIGKILL", CancellationToken.None));
            Assert.True((await _client.Containers.InspectContainerAsync(owned, CancellationToken.None)).State.Running);
        }
    }

    [DockerFact]
    public async Task A_container_claimed_by_two_environment_files_refuses_env_up_and_injection()
    {
        var name = $"shared-{_tag}";
        var shared = await StartAsync(name, new() { ["drillrunner.test.team"] = _tag });
        var mine = _folder.Write("environments/mine.yaml", $$"""
            name: mine-{{_tag}}
            driver: docker
            services:
              legacy:
                selector: { label: "drillrunner.test.team={{_tag}}" }
            """);
        var theirs = _folder.Write("environments/theirs.yaml", $$"""
            name: theirs-{{_tag}}
            driver: docker
            services:
              db:
                instances: 1
                selector: { namePattern: "^shared-{{_tag}}$" }
            """);
        var driver = new DockerDriverFactory().Create(EnvironmentLoader.Load(mine), TimeProvider.System);
        await using (driver)
        {
            var conflict = Assert.Single(await driver.Require<IInstanceClaims>().FindConflictsAsync(CancellationToken.None));
            Assert.Equal(mine, conflict.Location.File);
            Assert.Equal(5, conflict.Location.Line);
            Assert.Equal("services.legacy.selector", conflict.Field);
            Assert.Contains($"container '{name}' is also claimed by environment 'theirs-{_tag}'", conflict.Message, StringComparison.Ordinal);
            Assert.Contains($"{theirs}:6", conflict.Message, StringComparison.Ordinal);

            await Assert.ThrowsAsync<DrillInputException>(() => driver.UpAsync(new Progress<string>(), CancellationToken.None));
            await Assert.ThrowsAsync<DrillInputException>(() => driver.Require<IInstanceLifecycle>().StopAsync(name, CancellationToken.None));
            Assert.True((await _client.Containers.InspectContainerAsync(shared, CancellationToken.None)).State.Running);
        }

        // Narrowing the other selector ends the conflict.
        _folder.Write("environments/theirs.yaml", File.ReadAllText(theirs).Replace($"^shared-{_tag}$", $"^db-{_tag}$", StringComparison.Ordinal));
        var narrowed = new DockerDriverFactory().Create(EnvironmentLoader.Load(mine), TimeProvider.System);
        await using (narrowed)
        {
            Assert.Empty(await narrowed.Require<IInstanceClaims>().FindConflictsAsync(CancellationToken.None));
        }
    }

    [DockerFact]
    public async Task The_driver_refuses_an_unsafe_selector_built_in_code()
    {
        await StartAsync($"legacy-{_tag}", new() { ["drillrunner.test.adopt"] = _tag });
        var driver = new DockerDriverFactory().Create(Adopting("drillrunner.test.adopt", null), TimeProvider.System);
        await using (driver)
        {
            var refused = await Assert.ThrowsAsync<DriverException>(() => driver.ListInstancesAsync("legacy", CancellationToken.None));
            Assert.Contains("unsafe selector", refused.Message, StringComparison.Ordinal);
        }
    }

    private EnvironmentSpec Adopting(string? label, string? namePattern) => new()
    {
        Name = "sel" + _tag,
        Services = new Dictionary<string, ServiceSpec>
        {
            ["legacy"] = new() { Name = "legacy", Selector = new SelectorSpec { Label = label, NamePattern = namePattern } },
        },
    };

    private async Task<string> StartAsync(string name, Dictionary<string, string> labels)
    {
        var created = await _client.Containers.CreateContainerAsync(
            new CreateContainerParameters
            {
                Name = name,
                Image = image.Reference,
                Labels = labels,
                Env = [$"ASPNETCORE_URLS=http://127.0.0.1:{FreePorts.FindRange(1)}"],
                HostConfig = new HostConfig { NetworkMode = "host" },
            },
            CancellationToken.None);
        _containers.Add(created.ID);
        await _client.Containers.StartContainerAsync(created.ID, new ContainerStartParameters(), CancellationToken.None);
        return created.ID;
    }
}
