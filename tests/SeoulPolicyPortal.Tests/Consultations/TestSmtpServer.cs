using System.Buffers;
using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;
using MimeKit;
using SmtpServer;
using SmtpServer.ComponentModel;
using SmtpServer.Protocol;
using SmtpServer.Storage;

namespace SeoulPolicyPortal.Tests.Consultations;

/// <summary>
/// A real SMTP server (the SmtpServer package) on a loopback port, in the test process, keeping every message it
/// accepts. It can be stopped and started again on the same port, to play a mail server that is down for a while.
/// Shared with the browser tests by a linked source file.
/// </summary>
public sealed class TestSmtpServer : IAsyncDisposable
{
    private readonly ConcurrentQueue<MimeMessage> _received = new();
    private CancellationTokenSource? _stop;
    private Task? _running;

    public TestSmtpServer()
    {
        using var probe = new TcpListener(IPAddress.Loopback, 0);
        probe.Start();
        Port = ((IPEndPoint)probe.LocalEndpoint).Port;
        probe.Stop();
    }

    public int Port { get; }

    public IReadOnlyList<MimeMessage> Received => _received.ToList();

    /// <summary>The settings that point the portal at this server, with delays short enough for tests.</summary>
    public IReadOnlyDictionary<string, string> PortalSettings => new Dictionary<string, string>
    {
        ["Smtp:Host"] = "127.0.0.1",
        ["Smtp:Port"] = Port.ToString(System.Globalization.CultureInfo.InvariantCulture),
        ["Smtp:From"] = "portal@example.org",
        ["Smtp:Security"] = "None",
        ["Smtp:PollInterval"] = "00:00:00.200",
        ["Smtp:RetryDelay"] = "00:00:00.200",
        ["Smtp:MaxRetryDelay"] = "00:00:00.500",
        ["Smtp:Timeout"] = "00:00:05",
    };

    public async Task StartAsync()
    {
        var options = new SmtpServerOptionsBuilder()
            .ServerName("localhost")
            .Endpoint(endpoint => endpoint.Endpoint(new IPEndPoint(IPAddress.Loopback, Port)))
            .Build();
        var services = new ServiceProvider();
        services.Add(new Store(_received));
        _stop = new CancellationTokenSource();
        _running = new SmtpServer.SmtpServer(options, services).StartAsync(_stop.Token);
        await WaitUntilListeningAsync();
    }

    public async Task StopAsync()
    {
        if (_stop is null || _running is null)
        {
            return;
        }

        await _stop.CancelAsync();
        try
        {
            await _running;
        }
        catch (OperationCanceledException)
        {
        }

        _stop.Dispose();
        (_stop, _running) = (null, null);
    }

    /// <summary>Waits until <paramref name="count"/> received messages match, and returns them.</summary>
    public async Task<IReadOnlyList<MimeMessage>> WaitForAsync(Func<MimeMessage, bool> match, int count = 1, double seconds = 20)
    {
        var deadline = DateTime.UtcNow.AddSeconds(seconds);
        while (true)
        {
            var matching = _received.Where(match).ToList();
            if (matching.Count >= count)
            {
                return matching;
            }

            if (DateTime.UtcNow > deadline)
            {
                var seen = string.Join("; ", _received.Select(m => $"{m.To} “{m.Subject}”"));
                throw new Xunit.Sdk.XunitException($"Expected {count} matching message(s) within {seconds} s, got {matching.Count}. Received: {seen}");
            }

            await Task.Delay(50);
        }
    }

    public static MimeMessage? To(IEnumerable<MimeMessage> messages, string address) =>
        messages.FirstOrDefault(m => m.To.Mailboxes.Any(b => b.Address == address));

    public async ValueTask DisposeAsync() => await StopAsync();

    private async Task WaitUntilListeningAsync()
    {
        for (var attempt = 0; attempt < 100; attempt++)
        {
            try
            {
                using var client = new TcpClient();
                await client.ConnectAsync(IPAddress.Loopback, Port);
                return;
            }
            catch (SocketException)
            {
                await Task.Delay(50);
            }
        }

        throw new InvalidOperationException($"The test SMTP server did not start on port {Port}.");
    }

    private sealed class Store(ConcurrentQueue<MimeMessage> received) : MessageStore
    {
        public override async Task<SmtpResponse> SaveAsync(
            ISessionContext context, IMessageTransaction transaction, ReadOnlySequence<byte> buffer, CancellationToken cancellationToken)
        {
            await using var stream = new MemoryStream(buffer.ToArray());
            received.Enqueue(await MimeMessage.LoadAsync(stream, cancellationToken));
            return SmtpResponse.Ok;
        }
    }
}
