using System.CommandLine;
using DrillRunner.Cli.Terminal;
using DrillRunner.Hosting.Watchdog;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace DrillRunner.Cli.Commands;

/// <summary><c>drill serve [--urls URL]</c>: the HTTP API, Hangfire scheduler and metrics (settings in appsettings.json).</summary>
internal static class ServeCommand
{
    public static Command Create()
    {
        var urls = new Option<string>("--urls")
        {
            Description = "Address(es) to listen on, ';'-separated",
            DefaultValueFactory = _ => DrillRunner.ServerApp.DefaultUrl,
        };
        var command = new Command("serve", "Run the drill server: HTTP API, schedules (Hangfire), Prometheus metrics. Settings: appsettings.json section DrillRunner, or DrillRunner__* environment variables")
        {
            urls,
        };
        command.SetAction((parse, _) => ErrorPrinter.GuardAsync(async () =>
        {
            var state = parse.GetValue(CommonOptions.StateDirectory);
            try
            {
                var app = DrillRunner.ServerApp.Create(parse.GetValue(urls), builder =>
                {
                    // A start-up failure is printed below in one clear line; the host's own log of it is a stack trace.
                    builder.Logging.AddFilter("Microsoft.Extensions.Hosting.Internal.Host", LogLevel.None);
                    if (state is not null)
                    {
                        builder.Configuration.AddInMemoryCollection([new("DrillRunner:StateDirectory", state)]);
                    }

                    // Each run gets a watchdog process (this same program) that restores it if the server dies or hangs.
                    builder.Services.AddSingleton(WatchdogLaunch.ForThisProgram(WatchdogCommand.Name));
                });
                await app.RunAsync();
                return ExitCodes.Pass;
            }
            catch (OptionsValidationException ex)
            {
                foreach (var failure in ex.Failures)
                {
                    Console.Error.WriteLine($"error: {failure}");
                }

                return SettingsRefused();
            }
            catch (InvalidOperationException ex) when (SettingValueError.TryDescribe(ex, out var problem))
            {
                Console.Error.WriteLine($"error: {problem}");
                return SettingsRefused();
            }
        }));
        return command;
    }

    private static int SettingsRefused()
    {
        Console.Error.WriteLine("the server did not start: fix the DrillRunner settings (appsettings.json or DrillRunner__* environment variables)");
        return ExitCodes.InvalidInput;
    }
}
