namespace SeoulPolicyPortal.BrowserTests;

/// <summary>CI keeps artifacts/browser-failures/ for a reason: prove a failing body really leaves a picture there.</summary>
[Collection(BrowserCollection.Name)]
public sealed class FailureScreenshotTests(BrowserPortal portal) : BrowserTest(portal)
{
    [Fact]
    public async Task FailingTestBody_LeavesAFullPageScreenshotAndStillFails()
    {
        var expected = Path.Combine(FailureFolder, $"{nameof(FailureScreenshotTests)}.{nameof(FailingTestBody_LeavesAFullPageScreenshotAndStillFails)}-deliberate.png");
        if (File.Exists(expected))
        {
            File.Delete(expected);
        }

        var failure = await Assert.ThrowsAsync<InvalidOperationException>(() => InBrowserAsync(async page =>
        {
            await page.GotoAsync("/");
            throw new InvalidOperationException("deliberate");
        }, variant: "deliberate"));

        try
        {
            Assert.Equal("deliberate", failure.Message);
            Assert.True(File.Exists(expected), $"no screenshot at {expected}");
            // A PNG starts with its eight-byte signature; a full page of the overview is well over 10 KB.
            var bytes = await File.ReadAllBytesAsync(expected);
            Assert.Equal([0x89, 0x50, 0x4E, 0x47], bytes[..4]);
            Assert.True(bytes.Length > 10_000, $"the screenshot is only {bytes.Length} bytes");
        }
        finally
        {
            // Not a real failure: leave nothing for CI to publish.
            File.Delete(expected);
        }
    }
}
