import { describe, expect, it } from "vitest";
import { codeBook, normaliseCode } from "./code-book";

const groups = codeBook([
  { code: "returnee", nameEn: "Returnee from abroad", nameFr: "Rapatrié" },
  { code: "host_community", nameEn: "Host community", nameFr: "Communauté d'accueil" },
  { code: "idp", nameEn: "Internally displaced person", nameFr: "Déplacé interne" },
]);

describe("codeBook", () => {
  it("reads codes and English or French names, whatever the case, accents and spacing", () => {
    expect(["returnee", "RETURNEE", "Rapatrié", "rapatrie", " Returnee from abroad "].map((t) => groups.find(t))).toEqual(Array(5).fill("returnee"));
    expect(groups.find("Communauté d’accueil")).toBe("host_community");
    expect(groups.find("communaute-d-accueil")).toBe("host_community");
    expect(groups.find("Host-Community")).toBe("host_community");
  });

  it("refuses what is none of them, and the empty text", () => {
    expect(groups.find("refugee")).toBeNull();
    expect(groups.find("")).toBeNull();
    expect(groups.find(" - ")).toBeNull();
  });

  it("reads a name two values share as neither; a code keeps its value", () => {
    const places = codeBook([
      { code: "CD-NK-RUT", nameEn: "Rutshuru", nameFr: null },
      { code: "CD-NK-RUT-T", nameEn: "Rutshuru", nameFr: null },
    ]);
    expect(places.find("Rutshuru")).toBeNull();
    expect(places.find("cd-nk-rut")).toBe("CD-NK-RUT");
  });

  it("normalises as a person would compare", () => {
    expect(normaliseCode("Aide à l'élevage")).toBe("aide_a_l_elevage");
    expect(normaliseCode("RW-05-HUY")).toBe("rw_05_huy");
  });
});
