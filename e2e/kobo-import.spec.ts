import { expect, test } from "@playwright/test";
import { koboPerson, koboXlsx, type KoboPerson } from "../db/test-support/kobo-exports";
import { ACCOUNTS, signInWithForm } from "./support/accounts";
import { apiClients } from "./support/clients";

// A manager of phase IV, in French, brings in a KoboToolbox export as it comes (XLSX, French labels,
// one 0/1 column per service, ages instead of birth years): checks how it is read, maps the one
// place it does not know, saves the mapping, imports, then merges the person registered twice.

const as = apiClients();
const FRENCH = { email: "E-mail", password: "Mot de passe", submit: "Se connecter" };

// Five submissions: the last is the first person again, a year younger by their own account, with
// another service; the fourth names a place by a name the project does not use.
function submissions(): KoboPerson[] {
  const people = [0, 1, 2, 3].map((i) => koboPerson(i, "e2e"));
  people[3] = { ...people[3]!, place: ["butare", "Butare"] as unknown as KoboPerson["place"] };
  const again = koboPerson(40, "e2e-again");
  people.push({ ...people[0]!, uuid: again.uuid, age: people[0]!.age - 1, services: again.services });
  return people;
}

test.describe("in French", () => {
  test.use({ locale: "fr-FR" });

  test("a manager maps a Kobo XLSX export, saves the mapping, imports, merges a duplicate, and the unique people drop by one", async ({ page }) => {
    await page.goto("/projects/RW-REINT-P4");
    await signInWithForm(page, ACCOUNTS.manager, FRENCH);
    const unique = page.locator(".figure", { hasText: "Bénéficiaires directs uniques" }).locator(".figure-value");
    const count = async () => Number((await unique.textContent())?.replace(/\D/g, ""));
    const before = await count();

    await page.goto("/projects/RW-REINT-P4/beneficiaries/import");
    const people = submissions();
    await page.getByLabel("Fichier (CSV ou Excel)").setInputFiles({
      name: "enregistrement.xlsx",
      mimeType: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
      buffer: await koboXlsx(people, { labels: "fr", selectMultiple: "separate" }),
    });
    await page.getByRole("button", { name: "Vérifier le fichier" }).click();

    // Each field found its column by its French label; the age is read with the submission time.
    const columns = page.getByRole("group", { name: "Colonnes du fichier" });
    await expect(columns.getByRole("combobox", { name: "Identifiant externe" })).toHaveValue("_uuid");
    await expect(columns.getByRole("combobox", { name: "Identifiant du ménage" })).toHaveValue("Identifiant du ménage");
    await expect(columns.getByRole("combobox", { name: "Année de naissance : lue dans" })).toHaveValue("age");
    await expect(columns.getByRole("combobox", { name: "Âge", exact: true })).toHaveValue("Âge");
    await expect(columns.getByRole("combobox", { name: "Date où l’âge a été donné" })).toHaveValue("_submission_time");
    await expect(columns.getByRole("checkbox", { name: "Services reçus/Formation professionnelle" })).toBeChecked();

    // The one value that matches nothing is named with its count before anything is written.
    const unmatched = page.getByRole("status").filter({ hasText: "ne correspond à rien" });
    await expect(unmatched).toContainText("1 valeur ne correspond à rien");
    await expect(unmatched).toContainText("Lieu\u202f: «\u202fButare\u202f» (1 ligne)");
    await expect(page.getByText(/^Une ligne est à corriger \(un problème\)/)).toBeVisible();
    await page.getByRole("combobox", { name: "Lieu\u202f: Butare" }).selectOption("RW-05-HUY");
    await expect(unmatched).toHaveCount(0);

    await page.getByLabel("Enregistrer cette correspondance sous le nom").fill("Kobo enregistrement v3");
    await page.getByRole("button", { name: "Enregistrer la correspondance" }).click();
    await expect(page.getByText("Correspondance «\u202fKobo enregistrement v3\u202f» enregistrée.")).toBeVisible();

    await page.getByRole("button", { name: "Vérifier à nouveau le fichier" }).click();
    await expect(page.getByText(/^5 lignes\u202f: 5 personnes à ajouter/)).toBeVisible();
    await page.getByRole("button", { name: "Importer toutes les lignes" }).click();
    await expect(page.getByText(/^Importé\u202f: 5 personnes ajoutées/)).toBeVisible();

    // The mapping is the project's, with its audit entry, and the API gives it.
    const manager = await as(ACCOUNTS.manager);
    const mappings = (await (await manager.get("/api/v1/projects/RW-REINT-P4/import-mappings")).json()) as {
      data: { name: string; values: { location_code: Record<string, string> } }[];
    };
    expect(mappings.data.find((m) => m.name === "Kobo enregistrement v3")?.values.location_code.Butare).toBe("RW-05-HUY");

    await page.goto("/projects/RW-REINT-P4");
    await expect(unique).toHaveText(new Intl.NumberFormat("fr-FR").format(before + 5));

    // The registry points to the queue; the pair is the person registered twice.
    await page.goto("/projects/RW-REINT-P4/beneficiaries");
    await page.getByRole("link", { name: /^Doublons probables/ }).click();
    const pair = page.getByRole("article").filter({ hasText: people[4]!.uuid });
    await expect(pair.getByRole("heading")).toHaveText(`${people[0]!.uuid} et ${people[4]!.uuid}`);
    await expect(pair).toContainText("Même ménage et même sexe, nés à un an d’intervalle au plus");
    await expect(pair.getByRole("row", { name: /^Identifiant/ })).toContainText(people[0]!.uuid);
    await pair.getByRole("button", { name: "Même personne" }).click();
    await expect(page.getByText("Fusionnés\u202f: les services sont sur le premier enregistrement, et le second ne compte plus.")).toBeVisible();
    await expect(
      page.getByRole("region", { name: "Tranchées" }).getByRole("article").filter({ hasText: people[4]!.uuid }).getByRole("button", { name: "Annuler la fusion" }),
    ).toBeVisible();

    await page.goto("/projects/RW-REINT-P4");
    await expect(unique).toHaveText(new Intl.NumberFormat("fr-FR").format(before + 4));

    // Donors see no part of the queue.
    const donor = await as(ACCOUNTS.donorJapan);
    expect((await donor.get("/api/v1/projects/RW-REINT-P4/duplicates")).status()).toBe(403);
  });
});
