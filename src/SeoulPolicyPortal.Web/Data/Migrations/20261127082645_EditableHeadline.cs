using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace SeoulPolicyPortal.Web.Data.Migrations
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
                type: "INTEGER",
                nullable: false,
                defaultValue: 0)
                .Annotation("Sqlite:Autoincrement", true);

            migrationBuilder.AddColumn<bool>(
                name: "IsArchived",
                table: "StatedFigures",
                type: "INTEGER",
                nullable: false,
                defaultValue: false);

            migrationBuilder.AddColumn<string>(
                name: "SeedKey",
                table: "StatedFigures",
                type: "TEXT",
                maxLength: 100,
                nullable: true);

            migrationBuilder.AddColumn<DateTime>(
                name: "UpdatedAtUtc",
                table: "StatedFigures",
                type: "TEXT",
                nullable: false,
                defaultValue: new DateTime(1, 1, 1, 0, 0, 0, 0, DateTimeKind.Unspecified));

            migrationBuilder.AddColumn<string>(
                name: "UpdatedBy",
                table: "StatedFigures",
                type: "TEXT",
                maxLength: 256,
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "Version",
                table: "StatedFigures",
                type: "INTEGER",
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
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    Key = table.Column<string>(type: "TEXT", maxLength: 60, nullable: false),
                    Text = table.Column<string>(type: "TEXT", maxLength: 400, nullable: false),
                    SeedKey = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true),
                    IsArchived = table.Column<bool>(type: "INTEGER", nullable: false),
                    Version = table.Column<int>(type: "INTEGER", nullable: false),
                    UpdatedAtUtc = table.Column<DateTime>(type: "TEXT", nullable: false),
                    UpdatedBy = table.Column<string>(type: "TEXT", maxLength: 256, nullable: true)
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

            // The content-version triggers of both tables are created by the next migration, EditableHeadlineTriggers:
            // EF rebuilds StatedFigures at the end of this one, and a rebuild drops the table's triggers.
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

            // Rebuilding StatedFigures drops its content-version triggers: after going back past this migration, create
            // them again (ContentVersionTriggers.SqliteCreate("StatedFigures")).
        }
    }
}
