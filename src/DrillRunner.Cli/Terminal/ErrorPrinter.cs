using DrillRunner.Drivers;
using DrillRunner.Engine.Halt;
using DrillRunner.Engine.Locks;
using DrillRunner.Engine.Watch;
using DrillRunner.Loading;

namespace DrillRunner.Cli.Terminal;

/// <summary>Turns the errors a user can cause into clear messages and exit codes, without stack traces.</summary>
internal static class ErrorPrinter
{
    public static async Task<int> GuardAsync(Func<Task<int>> action)
    {
        try
        {
            return await action();
        }
        catch (DrillInputException ex)
        {
            foreach (var problem in ex.Problems)
            {
                Console.Error.WriteLine($"error: {problem}");
            }

            Console.Error.WriteLine($"{ex.Problems.Count} problem(s); nothing was run.");
            return ExitCodes.InvalidInput;
        }
        catch (Exception ex) when (ex is DriverException or EnvironmentBusyException or HaltedException or WatchdogUnavailableException)
        {
            Console.Error.WriteLine($"error: {ex.Message}");
            return ExitCodes.InvalidInput;
        }
    }
}
