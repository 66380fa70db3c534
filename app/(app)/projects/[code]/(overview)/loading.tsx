export { default } from "../../../(portfolio)/loading";
