using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace SeoulPolicyPortal.Web.Data.Migrations.PostgreSQL
{
    /// <inheritdoc />
    public partial class EditableHeadline : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropPrimaryKey(
                name: "PK_StatedFigures",
                table: "StatedFigures");

            migrationBuilder.AddColumn<int>(
                name: "Id",
                table: "StatedFigures",
                type: "integer",
                nullable: false)
                .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn);

            migrationBuilder.AddColumn<bool>(
                name: "IsArchived",
                table: "StatedFigures",
                type: "boolean",
                nullable: false,
                defaultValue: false);

            migrationBuilder.AddColumn<string>(
                name: "SeedKey",
                table: "StatedFigures",
                type: "character varying(100)",
                maxLength: 100,
                nullable: true);

            migrationBuilder.AddColumn<DateTime>(
                name: "UpdatedAtUtc",
                table: "StatedFigures",
                type: "timestamp with time zone",
                nullable: false,
                defaultValue: new DateTime(1, 1, 1, 0, 0, 0, 0, DateTimeKind.Unspecified));

            migrationBuilder.AddColumn<string>(
                name: "UpdatedBy",
                table: "StatedFigures",
                type: "character varying(256)",
                maxLength: 256,
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "Version",
                table: "StatedFigures",
                type: "integer",
                nullable: false,
                defaultValue: 1);

            migrationBuilder.AddPrimaryKey(
                name: "PK_StatedFigures",
                table: "StatedFigures",
                column: "Id");

            migrationBuilder.CreateTable(
                name: "SiteTexts",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    Key = table.Column<string>(type: "character varying(60)", maxLength: 60, nullable: false),
                    Text = table.Column<string>(type: "character varying(400)", maxLength: 400, nullable: false),
                    SeedKey = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true),
                    IsArchived = table.Column<bool>(type: "boolean", nullable: false),
                    Version = table.Column<int>(type: "integer", nullable: false),
                    UpdatedAtUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    UpdatedBy = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_SiteTexts", x => x.Id);
                });

            migrationBuilder.CreateIndex(
                name: "IX_StatedFigures_Key",
                table: "StatedFigures",
                column: "Key",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_StatedFigures_SeedKey",
                table: "StatedFigures",
                column: "SeedKey",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_SiteTexts_Key",
                table: "SiteTexts",
                column: "Key",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_SiteTexts_SeedKey",
                table: "SiteTexts",
                column: "SeedKey",
                unique: true);

            // Existing figures become editable rows: their seed record is their key, and the labels the overview showed
            // (from the interface texts) become their labels, where the row still has the source's wording.
            migrationBuilder.Sql("""UPDATE "StatedFigures" SET "SeedKey" = "Key" WHERE "SeedKey" IS NULL""");
            foreach (var (key, source, shown) in new[]
            {
                ("projects", "Collaborative projects executed by the SMG", "Overseas projects"),
                ("project-cities", "Cities in which collaborative projects were executed", "Partners named in the project list"),
                ("project-countries", "Countries in which collaborative projects were executed", "Countries with projects"),
            })
            {
                migrationBuilder.Sql($"""UPDATE "StatedFigures" SET "Label" = '{shown}' WHERE "Key" = '{key}' AND "Label" = '{source}'""");
            }

            // PostgreSQL-only: the new published table moves ContentVersion like the others (Data/Versioning).
            foreach (var sql in Versioning.ContentVersionTriggers.PostgresCreate("SiteTexts"))
            {
                migrationBuilder.Sql(sql);
            }
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "SiteTexts");

            migrationBuilder.DropPrimaryKey(
                name: "PK_StatedFigures",
                table: "StatedFigures");

            migrationBuilder.DropIndex(
                name: "IX_StatedFigures_Key",
                table: "StatedFigures");

            migrationBuilder.DropIndex(
                name: "IX_StatedFigures_SeedKey",
                table: "StatedFigures");

            migrationBuilder.DropColumn(
                name: "Id",
                table: "StatedFigures");

            migrationBuilder.DropColumn(
                name: "IsArchived",
                table: "StatedFigures");

            migrationBuilder.DropColumn(
                name: "SeedKey",
                table: "StatedFigures");

            migrationBuilder.DropColumn(
                name: "UpdatedAtUtc",
                table: "StatedFigures");

            migrationBuilder.DropColumn(
                name: "UpdatedBy",
                table: "StatedFigures");

            migrationBuilder.DropColumn(
                name: "Version",
                table: "StatedFigures");

            migrationBuilder.AddPrimaryKey(
                name: "PK_StatedFigures",
                table: "StatedFigures",
                column: "Key");
        }
    }
}
