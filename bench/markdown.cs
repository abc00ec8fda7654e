// Times MarkdownRenderer on the pathological corpus of the tests (refused inputs) and on heavy inputs just inside the
// limits (accepted ones): how long deciding and rendering takes, in milliseconds of one thread.
//
//   dotnet run --file bench/markdown.cs -c Release
//
// Not part of CI: timings depend on the machine. Figures are in docs/performance.md.
#:project ../tests/SeoulPolicyPortal.Tests/SeoulPolicyPortal.Tests.csproj
using System.Diagnostics;
using SeoulPolicyPortal.Tests.Platform;
using SeoulPolicyPortal.Web.Infrastructure;

const int Runs = 15;
var cases = PathologicalMarkdown.Refused.Select(c => (Kind: "refused", c.Name, c.Markdown))
    .Concat(PathologicalMarkdown.Accepted.Select(c => (Kind: "accepted", c.Name, c.Markdown)))
    .ToList();

// Warm up the JIT and tiered compilation on every shape before measuring.
for (var i = 0; i < 5; i++)
{
    foreach (var c in cases)
    {
        MarkdownRenderer.Render(c.Markdown);
    }
}

Console.WriteLine($"{"verdict",-9} {"chars",6} {"median ms",9} {"max ms",7}  input");
var worst = new Dictionary<string, double>();
foreach (var (kind, name, markdown) in cases)
{
    var times = new double[Runs];
    string? problem = null;
    for (var i = 0; i < Runs; i++)
    {
        var watch = Stopwatch.StartNew();
        problem = MarkdownRenderer.Render(markdown).Problem;
        times[i] = watch.Elapsed.TotalMilliseconds;
    }

    Array.Sort(times);
    var verdict = problem is null ? "accepted" : "refused";
    if (verdict != kind)
    {
        Console.Error.WriteLine($"'{name}' was {verdict}, expected {kind}");
        return 1;
    }

    worst[kind] = Math.Max(worst.GetValueOrDefault(kind), times[Runs / 2]);
    Console.WriteLine($"{verdict,-9} {markdown.Length,6} {times[Runs / 2],9:F2} {times[^1],7:F2}  {name}");
}

Console.WriteLine();
Console.WriteLine($"slowest median: refused {worst["refused"]:F2} ms, accepted {worst["accepted"]:F2} ms");
return 0;
