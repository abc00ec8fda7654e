using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;
using SeoulPolicyPortal.Web.Data.Search;

#nullable disable

namespace SeoulPolicyPortal.Web.Data.Migrations.PostgreSQL
{
    /// <inheritdoc />
    public partial class LanguagesAndSearch : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "Aliases",
                table: "Cities",
                type: "character varying(400)",
                maxLength: 400,
                nullable: false,
                defaultValue: "");

            migrationBuilder.CreateTable(
                name: "Translations",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    EntityType = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    EntityKey = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    Field = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    Culture = table.Column<string>(type: "character varying(10)", maxLength: 10, nullable: false),
                    Text = table.Column<string>(type: "character varying(50000)", maxLength: 50000, nullable: false),
                    Html = table.Column<string>(type: "text", nullable: true),
                    UpdatedAtUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    UpdatedBy = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Translations", x => x.Id);
                });

            migrationBuilder.CreateIndex(
                name: "IX_Translations_Culture",
                table: "Translations",
                column: "Culture");

            migrationBuilder.CreateIndex(
                name: "IX_Translations_EntityType_EntityKey_Field_Culture",
                table: "Translations",
                columns: new[] { "EntityType", "EntityKey", "Field", "Culture" },
                unique: true);

            // PostgreSQL-only: the full-text index, its source view and the triggers that keep it current (Data/Search).
            foreach (var sql in PostgresSearchSchema.Create())
            {
                migrationBuilder.Sql(sql);
            }
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            foreach (var sql in PostgresSearchSchema.Drop())
            {
                migrationBuilder.Sql(sql);
            }

            migrationBuilder.DropTable(
                name: "Translations");

            migrationBuilder.DropColumn(
                name: "Aliases",
                table: "Cities");
        }
    }
}
