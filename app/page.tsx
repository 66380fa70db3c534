export default function HomePage() {
  return (
    <main>
      <h1>Baseline</h1>
      <p>Beneficiaries, trainings and outcome indicators of humanitarian and development projects, counted once and reconciled.</p>
    </main>
  );
}
