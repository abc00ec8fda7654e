using System.Net;
using Microsoft.EntityFrameworkCore;
using SeoulPolicyPortal.Web.Infrastructure;

namespace SeoulPolicyPortal.Tests.Projects;

/// <summary>Every title gives a working address, whatever its script: never an empty slug that redirects to itself.</summary>
public sealed class SlugTests
{
    [Theory]
    [InlineData("Establishing an e-Ticketing System", "establishing-an-e-ticketing-system")]
    [InlineData("Sistema de Información de São Paulo", "sistema-de-informacion-de-sao-paulo")]
    [InlineData("서울 교통카드", "seoul-gyotongkadeu")]
    [InlineData("T-money 교통카드 (2004)", "t-money-gyotongkadeu-2004")]
    [InlineData("스마트 도시", "seumateu-dosi")]
    [InlineData("!!!", "")]
    [InlineData("Москва", "")]
    public void Slug_FromAnyTitle(string title, string expected)
    {
        Assert.Equal(expected, Slug.From(title));
    }

    [Theory]
    [InlineData("서울 교통카드", "/seoul-gyotongkadeu")]
    [InlineData("!!!", "")]
    [InlineData("Москва", "")]
    public async Task ProjectPage_WithATitleInAnyScript_AnswersAfterAtMostOneRedirect(string title, string canonicalSuffix)
    {
        using var portal = new PortalFactory();
        var client = portal.CreatePortalClient();
        var id = await portal.WithDbAsync(async db =>
        {
            var project = await db.Projects.SingleAsync(p => p.SeedKey == "p001");
            project.Title = title;
            await db.SaveChangesAsync();
            return project.Id;
        });
        var canonical = $"/projects/{id}{canonicalSuffix}";

        foreach (var address in new[] { $"/projects/{id}", $"/projects/{id}/an-old-slug", canonical })
        {
            using var first = await client.GetAsync(address);
            if (address == canonical)
            {
                Assert.Equal(HttpStatusCode.OK, first.StatusCode);
                continue;
            }

            if (first.StatusCode == HttpStatusCode.MovedPermanently)
            {
                Assert.Equal(canonical, first.Headers.Location!.OriginalString);
                Assert.NotEqual(address, first.Headers.Location.OriginalString);
                using var second = await client.GetAsync(first.Headers.Location.OriginalString);
                Assert.Equal(HttpStatusCode.OK, second.StatusCode);
            }
            else
            {
                Assert.Equal((HttpStatusCode.OK, canonical), (first.StatusCode, address));
            }
        }

        var catalogue = await client.GetDocumentAsync("/projects?pageSize=100");
        Assert.Contains(catalogue.QuerySelectorAll(".project-title a"), a => a.GetAttribute("href") == canonical && a.TextContent == title);
    }
}
