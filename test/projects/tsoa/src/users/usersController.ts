import { Body, Controller, Delete, Get, Path, Post, Response, Route, SuccessResponse, Tags } from 'tsoa';
import { HttpError } from '../httpError';
import { NewUser, User, UsersService } from './usersService';

interface ErrorBody {
  message: string;
}

interface ValidateErrorJSON {
  message: 'Validation Failed';
  details: Record<string, unknown>;
}

@Route('users')
@Tags('Users')
export class UsersController extends Controller {
  private readonly users = new UsersService();

  @Get('{userId}')
  @Response<ErrorBody>(404, 'No user has this id')
  // Problem [documented-status-never-returned]: getUser never answers 410.
  @Response<ErrorBody>(410, 'The user was deleted')
  public async getUser(@Path() userId: string): Promise<User> {
    const user = this.users.get(userId);
    if (!user) throw new HttpError(404, 'No user has this id');
    return user;
  }

  @Post()
  @SuccessResponse(201, 'Created')
  @Response<ValidateErrorJSON>(422, 'Validation Failed')
  public async createUser(@Body() body: NewUser): Promise<User> {
    // Problem [undocumented-status]: createUser documents no 409.
    if (this.users.findByEmail(body.email)) throw new HttpError(409, 'Email already registered');
    this.setStatus(201);
    return this.users.create(body);
  }

  @Delete('{userId}')
  @SuccessResponse(204, 'Deleted')
  @Response<ErrorBody>('4XX', 'Client error')
  public async deleteUser(@Path() userId: string): Promise<void> {
    // Look-alike [undocumented-status]: the '4XX' response covers this 404.
    if (!this.users.remove(userId)) throw new HttpError(404, 'No user has this id');
    this.setStatus(204);
  }
}
