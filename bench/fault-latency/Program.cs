using System.Globalization;
using DrillRunner.Docker;
using DrillRunner.FaultLatency;
using DrillRunner.Model;

// Fault latency of the docker driver next to the docker CLI, on one DemoShop container, interleaved.
var iterations = args.Length > 0 ? int.Parse(args[0], CultureInfo.InvariantCulture) : 20;
var root = args.Length > 1 ? Path.GetFullPath(args[1]) : Directory.GetCurrentDirectory();
var time = TimeProvider.System;
var port = FreePort.Pick();
var environment = new EnvironmentSpec
{
    Name = "bench" + Guid.NewGuid().ToString("N")[..8],
    Driver = "docker",
    BaseDirectory = root,
    Services = new Dictionary<string, ServiceSpec>
    {
        ["app"] = new()
        {
            Name = "app",
            Image = "drillrunner-bench/demoshop",
            Build = new ImageBuildSpec { Project = "src/DemoShop" },
            Port = port,
            HealthPath = "/health",
            Supervisor = new SupervisorSpec(),
            Settings = new Dictionary<string, string>
            {
                ["ASPNETCORE_URLS"] = "http://127.0.0.1:{port}",
                ["Logging__LogLevel__Default"] = "Warning",
            },
        },
    },
};

var driver = new DockerDriverFactory().Create(environment, time);
await using (driver)
{
    var progress = new Progress<string>(line => Console.WriteLine($"  up: {line}"));
    try
    {
        await driver.UpAsync(progress, CancellationToken.None);
        var id = InstanceSettings.InstanceId(environment, environment.Services["app"], 1);
        var bench = new LatencyBench(driver, id, time);
        Console.WriteLine($"{iterations} kills and {iterations} restarts of {id} (driver and CLI interleaved)");
        var results = await bench.RunAsync(iterations, CancellationToken.None);
        Report.Print(results, iterations);
    }
    finally
    {
        await driver.DownAsync(new Progress<string>(), CancellationToken.None);
    }
}
