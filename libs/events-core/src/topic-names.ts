/** The dead-letter topic of one consuming service: `<service>.dead-letter.v1`. */
export function deadLetterTopic(service: string): string {
  if (!/^[a-z][a-z0-9-]*$/.test(service)) {
    throw new Error(`service name "${service}" must be lower-case letters, digits and dashes`);
  }
  return `${service}.dead-letter.v1`;
}
