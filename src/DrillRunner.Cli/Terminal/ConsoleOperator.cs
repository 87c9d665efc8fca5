using DrillRunner.Engine;
using Spectre.Console;

namespace DrillRunner.Cli.Terminal;

/// <summary><c>wait-for-ack</c> from the terminal: the operator presses Enter to acknowledge.</summary>
internal sealed class ConsoleOperator : IOperatorChannel
{
    public async Task<string> WaitForAcknowledgementAsync(string runId, string step, string prompt, CancellationToken cancellationToken)
    {
        if (Console.IsInputRedirected)
        {
            throw new InvalidOperationException($"step {step} waits for an operator, but standard input is not a terminal; acknowledge it through the server API instead");
        }

        AnsiConsole.MarkupLineInterpolated($"[bold yellow]ACTION NEEDED[/] {prompt} — press Enter to acknowledge");
        await Task.Run(Console.ReadLine, cancellationToken).WaitAsync(cancellationToken);
        return $"cli:{Environment.UserName}";
    }
}
