using Docker.DotNet.Models;
using DrillRunner.Docker.Faults.DiskFill;
using DrillRunner.Docker.Tests.Infrastructure;
using DrillRunner.Drivers;
using DrillRunner.Engine;
using DrillRunner.Model;
using DrillRunner.Testing;
using DrillRunner.Testing.Drivers;
using DrillRunner.Testing.Namespaces;
using DrillRunner.Units;
using Xunit.Abstractions;
using ServiceSpec = DrillRunner.Model.ServiceSpec;

namespace DrillRunner.Docker.Tests.Faults;

/// <summary>disk-fill on a real container's tmpfs, measured by the free space the container sees; host storage refused.</summary>
[Collection(DockerCollection.Name)]
public sealed class DiskFillTests(DemoShopImage image, ITestOutputHelper output)
{
    [NamespaceFact]
    public async Task A_tmpfs_is_filled_to_its_level_and_emptied_of_exactly_the_fill_file_by_the_undo()
    {
        await using var shop = BridgeShop.Create(image.Reference);
        await shop.UpAsync();
        var pid = await shop.PidAsync(1);
        await File.WriteAllTextAsync($"/proc/{pid}/root{BridgeShop.Scratch}/app-data.txt", "the app's own file");
        var (total, freeBefore) = await NamespaceProbe.SpaceAsync(pid, BridgeShop.Scratch);

        var (record, detail) = await shop.InjectAsync(Fill(BridgeShop.Scratch, 0.8));
        var (_, freeDuring) = await NamespaceProbe.SpaceAsync(pid, BridgeShop.Scratch);
        var filesDuring = NamespaceProbe.FilesIn(pid, BridgeShop.Scratch);
        await shop.UndoAsync(record);
        await shop.UndoAsync(record); // idempotent: nothing left to delete
        var (_, freeAfter) = await NamespaceProbe.SpaceAsync(pid, BridgeShop.Scratch);

        output.WriteLine($"{BridgeShop.Scratch}: {total} bytes, free before {freeBefore}, during {freeDuring}, after {freeAfter}; {detail}");
        Assert.Equal(16L << 20, total);
        Assert.InRange(1 - (freeDuring / (double)total), 0.79, 0.82);
        Assert.Contains(filesDuring, f => f.StartsWith(".drillrunner-fill-", StringComparison.Ordinal));
        Assert.Equal(freeBefore, freeAfter);
        Assert.Equal(["app-data.txt"], NamespaceProbe.FilesIn(pid, BridgeShop.Scratch));
    }

    [NamespaceFact]
    public async Task The_containers_own_filesystem_is_never_filled()
    {
        await using var shop = BridgeShop.Create(image.Reference);
        await shop.UpAsync();

        var error = await Assert.ThrowsAsync<DriverException>(() => shop.InjectAsync(Fill("/tmp", 0.5)));

        Assert.Contains("container's own filesystem (overlay on the host's disk)", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(NamespaceProbe.FilesIn(await shop.PidAsync(1), "/tmp"), f => f.StartsWith(".drillrunner", StringComparison.Ordinal));
    }

    [NamespaceFact]
    public async Task A_bind_mount_of_a_host_folder_is_never_filled()
    {
        using var folder = new TempFolder();
        await using var shop = BridgeShop.Create(image.Reference);
        var name = shop.Spec.Name + "-adopted";
        var port = FreePorts.FindRange(1);
        var created = await shop.Client.Containers.CreateContainerAsync(new CreateContainerParameters
        {
            Name = name,
            Image = image.Reference,
            Env = [$"ASPNETCORE_URLS=http://127.0.0.1:{port}"],
            HostConfig = new HostConfig { NetworkMode = "host", Binds = [$"{folder.Path}:/data"] },
        });
        try
        {
            await shop.Client.Containers.StartContainerAsync(created.ID, new ContainerStartParameters());
            var adopting = new EnvironmentSpec
            {
                Name = shop.Spec.Name,
                Driver = "docker",
                Services = new Dictionary<string, ServiceSpec> { ["data"] = new() { Name = "data", Selector = new SelectorSpec { NamePattern = $"^{name}$" } } },
            };
            await using var driver = new DockerDriverFactory().Create(adopting, TimeProvider.System);
            var context = new StepContext { RunId = "t1", Environment = adopting, Driver = driver, Time = TimeProvider.System, Timeline = new Timeline.RunTimeline() };
            var step = shop.Catalog.CreateStep(new DiskFillOptions { Kind = "disk-fill", Service = "data", AllowTotalOutage = true, Path = "/data", Level = new Percentage(0.5) });

            var error = await Assert.ThrowsAsync<DriverException>(() => step.PrepareAsync(context, CancellationToken.None));

            Assert.Contains("storage shared with the host", error.Message, StringComparison.Ordinal);
            Assert.Equal(["environments"], Directory.EnumerateFileSystemEntries(folder.Path).Select(Path.GetFileName));
        }
        finally
        {
            await shop.Client.Containers.RemoveContainerAsync(created.ID, new ContainerRemoveParameters { Force = true });
        }
    }

    private static DiskFillOptions Fill(string path, double level) =>
        new() { Kind = "disk-fill", Service = BridgeShop.App, AllowTotalOutage = true, Path = path, Level = new Percentage(level) };
}
